package dev.alfred.assistant;

import dev.alfred.channel.Reply;
import org.jspecify.annotations.Nullable;

/**
 * What a tool did: {@code text} is a complete sentence for the person ("Task #12 *Call Acme* for
 * Bob, due Fri 3 Jan 15:00") that the model may reword and the offline model shows as is;
 * {@code data} is the structured result the model reads (serialised to JSON); {@code card} and
 * {@code attachment} are shown with the final answer whatever the model writes.
 */
public record ToolResult(
        String text, @Nullable Object data, Reply.@Nullable Card card, Reply.@Nullable Attachment attachment) {

    public static ToolResult text(String text) {
        return new ToolResult(text, null, null, null);
    }

    public static ToolResult of(String text, Object data) {
        return new ToolResult(text, data, null, null);
    }

    public ToolResult withCard(Reply.Card card) {
        return new ToolResult(text, data, card, attachment);
    }

    public ToolResult withAttachment(Reply.Attachment attachment) {
        return new ToolResult(text, data, card, attachment);
    }
}
