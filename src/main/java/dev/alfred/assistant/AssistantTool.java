package dev.alfred.assistant;

/**
 * A tool a feature package offers to the assistant: a name the model calls it by, a description the
 * model reads, the permission feature a person needs, and an input record whose components become
 * the JSON schema of its arguments.
 *
 * <p>The assistant offers a tool only to people allowed to use {@link #feature()}, checks the
 * permission again for every call, validates the arguments, audits the call, and only then calls
 * {@link #call}. A tool signals bad arguments or an unknown id by throwing a
 * {@link dev.alfred.problem.Problem}; the model and the person are told its detail. Tools run in the
 * transaction of the turn, so a refused turn leaves nothing behind.
 *
 * @param <I> the input record; use {@code @ToolParameter} on components to describe them
 */
public interface AssistantTool<I extends Record> {

    /** snake_case, unique, e.g. {@code create_task}. */
    String name();

    /** What the tool does and when to use it, for the model. */
    String description();

    /** The feature key the person needs, e.g. {@code tasks.create}. */
    String feature();

    Class<I> inputType();

    ToolResult call(I input, ToolCaller caller);

    /**
     * Whether the tool only reads. Answers that used only reading tools may be served from the
     * response cache until the tenant's data changes; a writing tool's success changes it.
     */
    default boolean readOnly() {
        return false;
    }
}
