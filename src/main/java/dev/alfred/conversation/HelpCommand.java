package dev.alfred.conversation;

import dev.alfred.channel.Reply;
import dev.alfred.permission.PermissionService;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.util.stream.Collectors;

/** {@code /help}: the commands this person may use, and nothing else. */
@Singleton
class HelpCommand implements ChatCommand {

    private static final CommandSpec SPEC = new CommandSpec("help", "What you can ask Alfred", "", null, "");

    private final Provider<CommandCatalogue> catalogue;
    private final PermissionService permissions;

    HelpCommand(Provider<CommandCatalogue> catalogue, PermissionService permissions) {
        this.catalogue = catalogue;
        this.permissions = permissions;
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
        String prefix = CommandSyntax.prefix(context.event());
        String lines = catalogue.get().specs().stream()
                .filter(spec -> spec.feature() == null || permissions.check(context.actor(), spec.feature()))
                .map(spec -> "- `" + prefix + spec.name() + (spec.takesArguments() ? " " + spec.usage() : "") + "` "
                        + spec.description())
                .collect(Collectors.joining("\n"));
        return Reply.text("You can use:\n" + lines);
    }
}
