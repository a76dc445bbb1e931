package dev.alfred.channel.discord;

import java.util.EnumSet;
import net.dv8tion.jda.api.GatewayEncoding;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.SessionController;
import net.dv8tion.jda.api.utils.SessionControllerAdapter;
import okhttp3.OkHttpClient;

/**
 * How a bot's JDA is set up: light caches, the intents for guild messages, DMs and message content,
 * our REST base URL and, when configured, our gateway URL (a JDA built by itself asks its session
 * controller, not {@code GET gateway/bot}). JSON without compression keeps the gateway readable for a
 * plain fake. Every shard is its own JDA; the shards of one bot share a session controller, so that
 * their IDENTIFYs are spaced as Discord requires.
 */
final class GatewayLogin {

    private GatewayLogin() {}

    /** The session controller the shards of one bot share: it queues their logins and knows the gateway URL. */
    static SessionController sessionController(DiscordSettings settings) {
        String gateway = settings.gatewayUrl();
        if (gateway.isEmpty()) {
            return new SessionControllerAdapter();
        }
        return new SessionControllerAdapter() {
            @Override
            public String getGateway() {
                return gateway;
            }
        };
    }

    static JDABuilder builder(
            String token,
            DiscordSettings settings,
            OkHttpClient http,
            GatewayEvents events,
            SessionController controller,
            int shard,
            int total) {
        return JDABuilder.createLight(
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
                .useSharding(shard, total)
                .setSessionController(controller)
                .addEventListeners(events);
    }
}
