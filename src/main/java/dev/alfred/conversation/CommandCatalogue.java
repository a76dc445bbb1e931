package dev.alfred.conversation;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every chat command: the built-in {@code /link} (the only one an unlinked user may run) and the
 * {@link ChatCommand} beans of the features. Platform command manifests are generated from it.
 */
@Singleton
public class CommandCatalogue {

    static final CommandSpec LINK =
            new CommandSpec("link", "Link your account to Alfred with a code from your admin", "CODE", null, "code");

    private final Map<String, ChatCommand> commands = new LinkedHashMap<>();

    CommandCatalogue(List<ChatCommand> commands) {
        commands.stream().sorted(Comparator.comparing(c -> c.spec().name())).forEach(c -> {
            if (this.commands.put(c.spec().name(), c) != null || c.spec().name().equals(LINK.name())) {
                throw new IllegalStateException(
                        "two commands are named /" + c.spec().name());
            }
        });
    }

    /** Every command's spec, {@code /link} first, the rest by name. */
    public List<CommandSpec> specs() {
        List<CommandSpec> specs = new ArrayList<>();
        specs.add(LINK);
        commands.values().forEach(c -> specs.add(c.spec()));
        return specs;
    }

    Optional<ChatCommand> find(String name) {
        return Optional.ofNullable(commands.get(name));
    }
}
