package dev.alfred.channel.discord;

import java.util.EnumSet;
import net.dv8tion.jda.api.GatewayEncoding;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.SessionControllerAdapter;
import okhttp3.OkHttpClient;

/**
 * How a bot's JDA is set up: light caches, the intents for guild messages, DMs and message content,
 * our REST base URL and, when configured, our gateway URL (a single JDA asks its session controller,
 * not {@code GET gateway/bot}). JSON without compression keeps the gateway readable for a plain fake.
 */
final class GatewayLogin {

    private GatewayLogin() {}

    static JDABuilder builder(String token, DiscordSettings settings, OkHttpClient http, GatewayEvents events) {
        JDABuilder builder = JDABuilder.createLight(
                        token,
                        EnumSet.of(
                                GatewayIntent.GUILD_MESSAGES,
                                GatewayIntent.DIRECT_MESSAGES,
                                GatewayIntent.MESSAGE_CONTENT))
                .setRestConfig(new RestConfig().setBaseUrl(settings.apiUrl()))
                .setHttpClient(http)
                .setCompression(Compression.NONE)
                .setGatewayEncoding(GatewayEncoding.JSON)
                .setEnableShutdownHook(false) // the application context stops JDA
                .addEventListeners(events);
        String gateway = settings.gatewayUrl();
        if (!gateway.isEmpty()) {
            builder.setSessionController(new SessionControllerAdapter() {
                @Override
                public String getGateway() {
                    return gateway;
                }
            });
        }
        return builder;
    }
}
