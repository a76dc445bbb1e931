package dev.alfred.assistant;

import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.definition.ToolDefinition;

/**
 * A feature's tool as Spring AI sees it: its definition for the model, and a call that can only go
 * through the {@link ToolGate}. Alfred runs tool calls in its own loop; this callback exists so that
 * nothing else can run a tool around the gate.
 */
final class GatedToolCallback implements ToolCallback {

    private final ToolDefinition definition;
    private final ToolGate gate;
    private final ToolCaller caller;

    GatedToolCallback(AssistantTool<?> tool, ToolGate gate, ToolCaller caller, JsonMapper json) {
        this.gate = gate;
        this.caller = caller;
        try {
            this.definition = ToolDefinition.builder()
                    .name(tool.name())
                    .description(tool.description())
                    .inputSchema(json.writeValueAsString(ToolSchemas.of(tool.inputType())))
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public ToolDefinition getToolDefinition() {
        return definition;
    }

    @Override
    public String call(String toolInput) {
        return gate.call(definition.name(), toolInput, caller).response();
    }
}
