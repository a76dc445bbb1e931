package dev.alfred.conversation;

import dev.alfred.channel.Reply;
import dev.alfred.identity.TenantService;
import jakarta.inject.Singleton;
import java.util.List;

/** {@code /whoami}: who Alfred takes you for. */
@Singleton
class WhoAmICommand implements ChatCommand {

    private static final CommandSpec SPEC = new CommandSpec("whoami", "Who Alfred takes you for", "", null, "");

    private final TenantService tenants;

    WhoAmICommand(TenantService tenants) {
        this.tenants = tenants;
    }

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public boolean readOnly() {
        return true;
    }

    @Override
    public Reply run(CommandContext context) {
        var actor = context.actor();
        String tenant = tenants.get(actor.tenantId()).name();
        return Reply.text("You are *" + actor.name() + "*, " + actor.role().key() + " at " + tenant + ".")
                .withCard(new Reply.Card(
                        actor.name(),
                        List.of(
                                new Reply.Field("Role", actor.role().key()),
                                new Reply.Field("Company", tenant),
                                new Reply.Field("Timezone", actor.timezone()),
                                new Reply.Field(
                                        "Linked account",
                                        context.event().channel() + " "
                                                + context.event().platformUserId())),
                        List.of()));
    }
}
