package dev.alfred.channel.console;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.alfred.bot.Bot;
import dev.alfred.bot.BotRegistry;
import dev.alfred.channel.Inbound;
import dev.alfred.channel.InboundSink;
import dev.alfred.channel.Reply;
import dev.alfred.identity.Actor;
import dev.alfred.identity.LinkCodeService;
import dev.alfred.identity.User;
import dev.alfred.identity.UserService;
import dev.alfred.permission.PermissionService;
import dev.alfred.problem.Problem;
import io.micronaut.context.annotation.Value;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.TransactionOperations;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.jspecify.annotations.Nullable;

/**
 * Sends a message as a user through the console channel and answers with the replies it got; hands
 * out the notifications that reached a console user in between.
 */
@Controller("/api/v1/console")
@SecurityRequirement(name = "bearer")
class ConsoleController {

    private final InboundSink inbox;
    private final ConsoleChannel console;
    private final ConsoleMailbox mailbox;
    private final BotRegistry bots;
    private final UserService users;
    private final LinkCodeService links;
    private final PermissionService permissions;
    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> tx;
    private final Duration timeout;

    ConsoleController(
            InboundSink inbox,
            ConsoleChannel console,
            ConsoleMailbox mailbox,
            BotRegistry bots,
            UserService users,
            LinkCodeService links,
            PermissionService permissions,
            JdbcOperations jdbc,
            TransactionOperations<Connection> tx,
            @Value("${alfred.console.timeout:30s}") Duration timeout) {
        this.inbox = inbox;
        this.console = console;
        this.mailbox = mailbox;
        this.bots = bots;
        this.users = users;
        this.links = links;
        this.permissions = permissions;
        this.jdbc = jdbc;
        this.tx = tx;
        this.timeout = timeout;
    }

    /** {@code userId}: whom to speak as (default: the caller); {@code button}: the text is a button's action. */
    @Serdeable
    record ConsoleMessage(
            @Nullable UUID userId,
            @Nullable String text,
            @Nullable String bot,
            @Nullable Boolean button) {}

    @Serdeable
    record ConsoleReplies(String eventId, List<Reply> replies, boolean complete) {}

    /** Notifications after the one the page saw last; {@code last} is what to ask after next time. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS) // an empty list is an answer, not a missing field
    record ConsoleNotifications(List<ConsoleMailbox.Notification> notifications, long last) {}

    /**
     * The notifications (direct messages: a new task, a reminder) for the caller, or for {@code userId}
     * with {@code admin.console}, that arrived after the notification {@code after}; the page polls this.
     */
    @Get("/messages")
    ConsoleNotifications notifications(
            @Parameter(hidden = true) Actor actor,
            @QueryValue @Nullable Long after,
            @QueryValue @Nullable UUID userId) {
        if (after != null && after < 0) {
            throw Problem.invalid("after must be 0 or more");
        }
        UUID whom = userId == null ? actor.userId() : userId;
        if (!whom.equals(actor.userId())) {
            permissions.require(actor, "admin.console");
        }
        User user = users.get(actor.tenantId(), whom);
        long since = after == null ? 0 : after;
        List<ConsoleMailbox.Notification> found = mailbox.after(user.id().toString(), since);
        return new ConsoleNotifications(
                found, found.isEmpty() ? since : found.getLast().id());
    }

    @Post("/messages")
    ConsoleReplies send(@Parameter(hidden = true) Actor actor, @Body ConsoleMessage message)
            throws InterruptedException {
        if (message.text() == null || message.text().isBlank()) {
            throw Problem.invalid("text is required");
        }
        UUID userId = message.userId() == null ? actor.userId() : message.userId();
        if (!userId.equals(actor.userId())) {
            permissions.require(actor, "admin.console");
        }
        User user = users.get(actor.tenantId(), userId);
        Bot bot = message.bot() == null ? bots.all().getFirst() : bots.get(message.bot());
        links.linkAuthenticated(user, bot.id(), ConsoleChannel.NAME, user.id().toString());

        String eventId = UUID.randomUUID().toString();
        ConcurrentLinkedQueue<Reply> replies = console.await(eventId);
        try {
            String text = message.text().strip();
            Inbound.Kind kind = Boolean.TRUE.equals(message.button())
                    ? Inbound.Kind.BUTTON
                    : text.startsWith("/") ? Inbound.Kind.COMMAND : Inbound.Kind.TEXT;
            inbox.accept(new Inbound(
                    bot.id(),
                    ConsoleChannel.NAME,
                    eventId,
                    user.tenantId().toString(),
                    user.id().toString(),
                    user.id().toString(),
                    user.name(),
                    kind,
                    kind == Inbound.Kind.COMMAND ? text.substring(1) : text,
                    Map.of(ConsoleChannel.REQUEST, eventId)));
            boolean complete = awaitCompletion(bot.id(), eventId);
            return new ConsoleReplies(eventId, new ArrayList<>(replies), complete);
        } finally {
            console.forget(eventId);
        }
    }

    /** Waits until the event is handled and none of its replies is still queued. */
    private boolean awaitCompletion(String bot, String eventId) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (tx.executeRead(status -> handled(bot, eventId))) {
                return true;
            }
            Thread.sleep(10);
        }
        return false;
    }

    private boolean handled(String bot, String eventId) {
        return jdbc.prepareStatement("""
                SELECT i.status <> 'pending' AND NOT EXISTS (
                    SELECT 1 FROM outbox o WHERE o.inbox_id = i.id AND o.status = 'pending')
                FROM inbox i WHERE i.bot = ? AND i.channel = 'console' AND i.event_id = ?""", statement -> {
            statement.setString(1, bot);
            statement.setString(2, eventId);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() && rows.getBoolean(1);
            }
        });
    }
}
