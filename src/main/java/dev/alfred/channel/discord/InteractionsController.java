package dev.alfred.channel.discord;

import dev.alfred.channel.Inbound;
import dev.alfred.channel.InboundSink;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Discord's HTTP interactions endpoint, for bots with a public key: verifies the Ed25519 signature
 * (401 and nothing stored when it fails), answers PING, stores commands and button presses and
 * then answers with a deferred response (type 5); the reply follows through the interaction's webhook.
 */
@Controller("/discord/interactions")
class InteractionsController {

    private static final Logger LOG = LoggerFactory.getLogger(InteractionsController.class);
    private static final int PING = 1;
    private static final int APPLICATION_COMMAND = 2;
    private static final int MESSAGE_COMPONENT = 3;

    private final DiscordChannels channels;
    private final DiscordSettings settings;
    private final InboundSink inbox;
    private final Map<String, InteractionSignature> signatures = new ConcurrentHashMap<>();

    InteractionsController(DiscordChannels channels, DiscordSettings settings, InboundSink inbox) {
        this.channels = channels;
        this.settings = settings;
        this.inbox = inbox;
    }

    @Post(uri = "/{bot}", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    HttpResponse<String> receive(
            String bot,
            @Header("X-Signature-Ed25519") @Nullable String signature,
            @Header("X-Signature-Timestamp") @Nullable String timestamp,
            @Body byte[] body) {
        DiscordBot channel = channels.find(bot).orElse(null);
        String key = channel == null ? null : channel.publicKey().orElse(null);
        if (channel == null || key == null) {
            return error(HttpResponse.notFound(), "not_found", "no Discord interactions endpoint for bot " + bot);
        }
        InteractionSignature verifier =
                signatures.computeIfAbsent(bot, b -> new InteractionSignature(key, settings.maxClockSkew()));
        if (!verifier.valid(signature, timestamp, body, Instant.now())) {
            return error(HttpResponse.unauthorized(), "unauthorized", "invalid request signature");
        }
        DataObject interaction;
        try {
            interaction = DataObject.fromJson(new String(body, StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            return error(HttpResponse.badRequest(), "invalid", "the body is not JSON");
        }
        int type = interaction.getInt("type", 0);
        if (type == PING) {
            return HttpResponse.ok("{\"type\":1}");
        }
        if (type != APPLICATION_COMMAND && type != MESSAGE_COMPONENT) {
            return error(HttpResponse.badRequest(), "invalid", "unsupported interaction type " + type);
        }
        Inbound event;
        try {
            event = inbound(bot, interaction, type);
        } catch (RuntimeException e) {
            return error(HttpResponse.badRequest(), "invalid", "not a Discord interaction: " + e.getMessage());
        }
        inbox.accept(event); // throws when it cannot store: then Discord gets no deferral, and a 500
        LOG.debug("Stored Discord interaction {} of bot {}", event.eventId(), bot);
        return HttpResponse.ok("{\"type\":5}");
    }

    private static Inbound inbound(String bot, DataObject interaction, int type) {
        DataObject user = interaction.hasKey("member")
                ? interaction.getObject("member").getObject("user")
                : interaction.getObject("user");
        String guild = interaction.getString("guild_id", null);
        String userId = user.getString("id");
        DiscordInbound.Origin origin = new DiscordInbound.Origin(
                bot,
                guild,
                interaction.getString("channel_id", userId),
                userId,
                user.getString("global_name", user.getString("username", null)));
        DataObject data = interaction.getObject("data");
        Inbound.Kind kind = type == APPLICATION_COMMAND ? Inbound.Kind.COMMAND : Inbound.Kind.BUTTON;
        String text = kind == Inbound.Kind.COMMAND
                ? DiscordInbound.commandText(data.getString("name"), optionValues(data))
                : data.getString("custom_id");
        String id = interaction.getString("id");
        return DiscordInbound.interaction(origin, id, kind, text, interaction.getString("token"), SnowflakeTime.of(id));
    }

    private static List<String> optionValues(DataObject data) {
        DataArray options = data.optArray("options").orElseGet(DataArray::empty);
        return options.stream(DataArray::getObject)
                .map(option -> option.opt("value").map(Object::toString).orElse(""))
                .toList();
    }

    private static HttpResponse<String> error(MutableHttpResponse<String> response, String error, String detail) {
        return response.body(
                DataObject.empty().put("error", error).put("detail", detail).toString());
    }
}
