package dev.alfred.assistant;

import dev.alfred.identity.Actor;
import dev.alfred.permission.PermissionService;
import jakarta.inject.Singleton;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every tool the feature packages contribute, and which of them a person may be offered. */
@Singleton
class ToolRegistry {

    private final Map<String, AssistantTool<?>> byName = new HashMap<>();
    private final List<AssistantTool<?>> all;
    private final PermissionService permissions;

    ToolRegistry(List<AssistantTool<?>> tools, PermissionService permissions) {
        this.permissions = permissions;
        this.all = List.copyOf(tools);
        for (AssistantTool<?> tool : tools) {
            if (!tool.name().matches("[a-z][a-z0-9_]{0,63}")) {
                throw new IllegalStateException("tool names are snake_case: " + tool.name());
            }
            if (byName.put(tool.name(), tool) != null) {
                throw new IllegalStateException("two tools are named " + tool.name());
            }
        }
    }

    /** The tools {@code actor} may use, in a stable order. */
    List<AssistantTool<?>> offeredTo(Actor actor) {
        return all.stream()
                .filter(tool -> permissions.check(actor, tool.feature()))
                .sorted(Comparator.comparing(AssistantTool::name))
                .toList();
    }

    Optional<AssistantTool<?>> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }
}
