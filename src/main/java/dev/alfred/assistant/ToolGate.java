package dev.alfred.assistant;

import dev.alfred.audit.AuditLog;
import dev.alfred.permission.PermissionService;
import dev.alfred.problem.Problem;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The only way a model's tool call runs: the tool must exist, the person must be allowed its
 * feature (checked again, whatever was offered), the arguments must bind to its input record; the
 * call is audited before it runs, and runs in a nested transaction so that a failing tool undoes
 * only its own writes.
 */
@Singleton
class ToolGate {

    private static final Logger LOG = LoggerFactory.getLogger(ToolGate.class);
    private static final TransactionDefinition NESTED =
            TransactionDefinition.of(TransactionDefinition.Propagation.NESTED);

    /**
     * How a call went. {@code response} goes back to the model; {@code result} is set when the tool
     * ran; {@code notice} is what Alfred itself tells the person (a refusal or a failure), whatever
     * the model makes of it.
     */
    record Outcome(
            String tool,
            String response,
            @Nullable ToolResult result,
            @Nullable String notice) {}

    private final ToolRegistry registry;
    private final PermissionService permissions;
    private final AuditLog audit;
    private final TransactionOperations<Connection> tx;
    private final JsonMapper json;
    private final ToolArguments arguments;

    ToolGate(
            ToolRegistry registry,
            PermissionService permissions,
            AuditLog audit,
            TransactionOperations<Connection> tx,
            JsonMapper json) {
        this.registry = registry;
        this.permissions = permissions;
        this.audit = audit;
        this.tx = tx;
        this.json = json;
        this.arguments = new ToolArguments(json);
    }

    Outcome call(String name, String argumentsJson, ToolCaller caller) {
        AssistantTool<?> tool = registry.find(name).orElse(null);
        if (tool == null) {
            record(caller, "assistant.tool.unknown", name, null, argumentsJson);
            return refused(name, "there is no tool named " + name, null);
        }
        if (!permissions.check(caller.actor(), tool.feature())) {
            record(caller, "assistant.tool.refused", name, tool.feature(), argumentsJson);
            return refused(
                    name,
                    "not allowed: " + tool.feature(),
                    "Sorry, you are not allowed to do that (not allowed: " + tool.feature() + ").");
        }
        return run(tool, argumentsJson, caller);
    }

    private <I extends Record> Outcome run(AssistantTool<I> tool, String argumentsJson, ToolCaller caller) {
        I input;
        try {
            input = arguments.bind(tool.inputType(), argumentsJson);
        } catch (Problem invalid) {
            record(caller, "assistant.tool.invalid", tool.name(), tool.feature(), argumentsJson);
            return new Outcome(tool.name(), error(invalid.detail()), null, null);
        }
        record(caller, "assistant.tool.call", tool.name(), tool.feature(), argumentsJson);
        try {
            ToolResult result = tx.execute(NESTED, status -> tool.call(input, caller));
            return new Outcome(tool.name(), response(result), result, null);
        } catch (Problem problem) {
            if (problem.kind() == Problem.Kind.DENIED) {
                record(caller, "assistant.tool.refused", tool.name(), tool.feature(), problem.detail());
                return refused(
                        tool.name(),
                        problem.detail(),
                        "Sorry, you are not allowed to do that (" + problem.detail() + ").");
            }
            record(caller, "assistant.tool.failed", tool.name(), tool.feature(), problem.detail());
            return new Outcome(tool.name(), error(problem.detail()), null, capitalised(problem.detail()) + ".");
        } catch (RuntimeException e) {
            LOG.warn("Tool {} failed", tool.name(), e);
            return new Outcome(
                    tool.name(), error("the tool failed"), null, "Something went wrong; nothing was changed.");
        }
    }

    private Outcome refused(String tool, String reason, @Nullable String notice) {
        return new Outcome(tool, error(reason), null, notice);
    }

    private void record(ToolCaller caller, String action, String tool, @Nullable String feature, String arguments) {
        Map<String, Object> call = new LinkedHashMap<>();
        call.put("tool", tool);
        call.put("arguments", arguments);
        audit.record(new AuditLog.Change(
                caller.actor().tenantId(), caller.actor().userId(), action, null, feature, null, call));
    }

    private String response(ToolResult result) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("result", result.text());
        if (result.data() != null) {
            body.put("data", result.data());
        }
        return write(body);
    }

    private String error(String message) {
        return write(Map.of("error", message));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
