package dev.alfred.assistant;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.metadata.ChatResponseMetadata;
import org.springframework.ai.chat.metadata.DefaultUsage;
import org.springframework.ai.chat.metadata.Usage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.Prompt;

/**
 * Reads a streamed answer chunk by chunk, showing the text so far to {@code live} as it grows, and
 * folds it into one response: the whole text, every tool call, and the usage the provider sends
 * in its last chunk.
 */
final class StreamedAnswer {

    private StreamedAnswer() {}

    static ChatResponse read(ChatModel model, Prompt prompt, Consumer<String> live) {
        StringBuilder text = new StringBuilder();
        List<AssistantMessage.ToolCall> toolCalls = new ArrayList<>();
        Usage usage = null;
        for (ChatResponse chunk : model.stream(prompt).toIterable()) {
            if (chunk.getMetadata() != null && hasTokens(chunk.getMetadata().getUsage())) {
                usage = chunk.getMetadata().getUsage();
            }
            if (chunk.getResult() == null || chunk.getResult().getOutput() == null) {
                continue;
            }
            AssistantMessage output = chunk.getResult().getOutput();
            toolCalls.addAll(output.getToolCalls());
            if (output.getText() != null && !output.getText().isEmpty()) {
                text.append(output.getText());
                if (toolCalls.isEmpty()) {
                    live.accept(text.toString());
                }
            }
        }
        AssistantMessage message = AssistantMessage.builder()
                .content(text.toString())
                .toolCalls(toolCalls)
                .build();
        ChatResponseMetadata metadata = ChatResponseMetadata.builder()
                .usage(usage == null ? new DefaultUsage(0, 0) : usage)
                .build();
        return new ChatResponse(List.of(new Generation(message)), metadata);
    }

    private static boolean hasTokens(Usage usage) {
        return usage != null && usage.getTotalTokens() != null && usage.getTotalTokens() > 0;
    }
}
