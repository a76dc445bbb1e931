package dev.alfred.channel.discord;

import dev.alfred.channel.Inbound;
import dev.alfred.channel.InboundSink;
import dev.alfred.conversation.CommandSpec;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.Interaction;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one bot receives over the gateway: slash commands, button presses, DMs and guild messages
 * that mention it. Each is stored first and acknowledged after (a deferred reply for interactions);
 * if storing fails nothing is acknowledged, so the user sees Discord's "did not respond".
 */
final class GatewayEvents extends ListenerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayEvents.class);

    private final String bot;
    private final InboundSink inbox;
    private final List<CommandSpec> commands;
    private final CompletableFuture<Void> ready = new CompletableFuture<>();

    private final BooleanSupplier stopped;
    private final boolean registersCommands;

    /**
     * @param registersCommands whether this session registers the slash commands: only shard 0's, as
     *     the catalogue is the bot's, not a shard's
     */
    GatewayEvents(
            String bot,
            InboundSink inbox,
            List<CommandSpec> commands,
            BooleanSupplier stopped,
            boolean registersCommands) {
        this.bot = bot;
        this.inbox = inbox;
        this.commands = List.copyOf(commands);
        this.stopped = stopped;
        this.registersCommands = registersCommands;
    }

    /** Completes when the gateway session is ready. */
    CompletableFuture<Void> ready() {
        return ready;
    }

    /** Every new session of shard 0 (not a resume) registers the catalogue, so a late first connect does too. */
    @Override
    public void onReady(ReadyEvent event) {
        ready.complete(null);
        if (!registersCommands || stopped.getAsBoolean()) {
            return; // the application stopped while JDA was connecting: it is being shut down
        }
        event.getJDA()
                .updateCommands()
                .addCommands(SlashCommands.of(commands))
                .queue(
                        registered -> LOG.info("Discord bot {}: slash commands registered", bot),
                        failure ->
                                LOG.warn("Discord bot {}: slash commands not registered: {}", bot, failure.toString()));
    }

    @Override
    public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
        String text = DiscordInbound.commandText(
                event.getName(),
                event.getOptions().stream().map(OptionMapping::getAsString).toList());
        if (store(interaction(event, Inbound.Kind.COMMAND, text))) {
            event.deferReply()
                    .queue(
                            ok -> {},
                            failure -> LOG.warn("Could not acknowledge /{}: {}", event.getName(), failure.toString()));
        }
    }

    @Override
    public void onButtonInteraction(ButtonInteractionEvent event) {
        String action = event.getComponentId();
        if (store(interaction(event, Inbound.Kind.BUTTON, action))) {
            event.deferReply()
                    .queue(
                            ok -> {},
                            failure -> LOG.warn("Could not acknowledge a button press: {}", failure.toString()));
        }
    }

    @Override
    public void onMessageReceived(MessageReceivedEvent event) {
        User author = event.getAuthor();
        if (author.isBot() || author.isSystem() || event.isWebhookMessage()) {
            return; // other bots and ourselves: never answer, or two bots talk forever
        }
        String self = event.getJDA().getSelfUser().getId();
        String content = event.getMessage().getContentRaw();
        boolean direct = !event.isFromGuild();
        boolean mentioned = event.getMessage().getMentions().getUsers().stream()
                .anyMatch(user -> user.getId().equals(self));
        if (!direct && !mentioned) {
            return;
        }
        String text = Pattern.compile("<@!?" + self + ">")
                .matcher(content)
                .replaceAll("")
                .strip();
        if (text.isEmpty()) {
            return;
        }
        DiscordInbound.Origin origin = new DiscordInbound.Origin(
                bot,
                direct ? null : event.getGuild().getId(),
                event.getChannel().getId(),
                author.getId(),
                author.getEffectiveName());
        store(DiscordInbound.message(origin, event.getMessageId(), text));
    }

    private Inbound interaction(Interaction event, Inbound.Kind kind, String text) {
        User user = event.getUser();
        DiscordInbound.Origin origin = new DiscordInbound.Origin(
                bot,
                event.getGuild() == null ? null : event.getGuild().getId(),
                event.getChannelId() == null ? user.getId() : event.getChannelId(),
                user.getId(),
                user.getEffectiveName());
        return DiscordInbound.interaction(
                origin,
                event.getId(),
                kind,
                text,
                event.getToken(),
                event.getTimeCreated().toInstant());
    }

    /** Stores the event; true when the platform may be acknowledged (stored now or before). */
    private boolean store(Inbound event) {
        try {
            inbox.accept(event);
            return true;
        } catch (RuntimeException e) {
            LOG.error("Could not store Discord event {} of bot {}; not acknowledged", event.eventId(), bot, e);
            return false;
        }
    }
}
