package dev.alfred.conversation;

import dev.alfred.channel.Inbound;
import dev.alfred.channel.Reply;
import dev.alfred.identity.Actor;
import dev.alfred.identity.LinkCodeService;
import dev.alfred.permission.PermissionService;
import dev.alfred.problem.Problem;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Decides what an inbound event gets: link instructions for someone unknown, the result of a
 * permitted command, or the free-text responder's answer. Runs inside the dispatcher's transaction.
 */
@Singleton
class Router {

    /** The tenant the event belongs to and the replies it gets. */
    record Routed(@Nullable UUID tenantId, List<Reply> replies) {}

    private static final String FREE_TEXT_FEATURE = "assistant.chat";
    private static final TransactionDefinition NESTED =
            TransactionDefinition.of(TransactionDefinition.Propagation.NESTED);

    private final WorkspaceTenants tenants;
    private final LinkCodeService links;
    private final PermissionService permissions;
    private final CommandCatalogue catalogue;
    private final Conversations conversations;
    private final FreeTextResponder freeText;
    private final TransactionOperations<Connection> tx;

    Router(
            WorkspaceTenants tenants,
            LinkCodeService links,
            PermissionService permissions,
            CommandCatalogue catalogue,
            Conversations conversations,
            FreeTextResponder freeText,
            TransactionOperations<Connection> tx) {
        this.tenants = tenants;
        this.links = links;
        this.permissions = permissions;
        this.catalogue = catalogue;
        this.conversations = conversations;
        this.freeText = freeText;
        this.tx = tx;
    }

    Routed route(Inbound event) {
        UUID tenantId = tenants.resolve(event);
        boolean command = event.kind() != Inbound.Kind.TEXT || event.text().startsWith("/");
        if (command && CommandSyntax.name(event.text()).equals(CommandCatalogue.LINK.name())) {
            return new Routed(tenantId, List.of(link(event, tenantId)));
        }
        Optional<Actor> actor = links.find(event.bot(), event.channel(), event.platformUserId())
                .filter(a -> a.tenantId().equals(tenantId));
        if (actor.isEmpty()) {
            return new Routed(tenantId, List.of(linkInstructions(event)));
        }
        Conversations.Open conversation = conversations.open(actor.get(), event);
        Reply reply = command ? command(actor.get(), event, conversation) : text(actor.get(), event, conversation);
        conversations.append(conversation, event.text(), reply.text());
        return new Routed(tenantId, List.of(reply));
    }

    private Reply command(Actor actor, Inbound event, Conversations.Open conversation) {
        String name = CommandSyntax.name(event.text());
        Optional<ChatCommand> found = catalogue.find(name);
        if (found.isEmpty()) {
            if (event.kind() == Inbound.Kind.TEXT) {
                return text(actor, event, conversation);
            }
            return Reply.text(
                    "I don't know /" + name + ". Send " + CommandSyntax.prefix(event) + "help to see what you can do.");
        }
        CommandSpec spec = found.get().spec();
        if (spec.feature() != null && !permissions.check(actor, spec.feature())) {
            return Reply.text("Sorry, you are not allowed to do that (not allowed: " + spec.feature() + ").");
        }
        ChatCommand handler = found.get();
        Supplier<Reply> run =
                () -> handler.run(new CommandContext(actor, CommandSyntax.args(event.text()), event, conversation));
        return handler.readOnly() ? refusalAsReply(run) : guarded(run, conversation);
    }

    private Reply text(Actor actor, Inbound event, Conversations.Open conversation) {
        if (!permissions.check(actor, FREE_TEXT_FEATURE)) {
            return Reply.text(
                    "Sorry, you are not allowed to chat with the assistant (not allowed: " + FREE_TEXT_FEATURE + ").");
        }
        return guarded(
                () -> freeText.respond(new CommandContext(actor, event.text(), event, conversation)), conversation);
    }

    private Reply link(Inbound event, UUID tenantId) {
        String code = CommandSyntax.args(event.text());
        if (code.isEmpty()) {
            return Reply.text("Send " + CommandSyntax.prefix(event) + "link followed by the code your admin gave you.");
        }
        return guarded(
                () -> {
                    Actor actor = links.redeem(code, tenantId, event.bot(), event.channel(), event.platformUserId());
                    return Reply.text(
                            "Welcome, " + actor.name() + "! Your " + event.channel() + " account is linked. Send "
                                    + CommandSyntax.prefix(event) + "help to see what you can do.");
                },
                null);
    }

    /**
     * Runs a handler in a nested transaction, so that a refusal ({@link Problem}) undoes only what
     * the handler wrote and becomes the reply, while the dispatcher's transaction still commits. A
     * conversation the handler started is undone with it, so it is looked up again.
     */
    private Reply guarded(Supplier<Reply> handler, Conversations.@Nullable Open conversation) {
        try {
            return tx.execute(NESTED, status -> handler.get());
        } catch (Problem problem) {
            if (conversation != null) {
                conversation.forget();
            }
            return Reply.text(problem.detail());
        }
    }

    private static Reply refusalAsReply(Supplier<Reply> handler) {
        try {
            return handler.get();
        } catch (Problem problem) {
            return Reply.text(problem.detail());
        }
    }

    private static Reply linkInstructions(Inbound event) {
        return Reply.text("Hi! I don't know you yet. Ask your admin for a link code, then send "
                + CommandSyntax.prefix(event) + "link CODE here.");
    }
}
