package dev.alfred.assistant;

import java.util.List;
import java.util.Map;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.model.tool.ToolCallingChatOptions;
import org.springframework.ai.tool.ToolCallback;

/** Per-call options of the offline model: the offered tools and the speaker's time. */
final class OfflineOptions {

    private OfflineOptions() {}

    static ChatOptions of(List<ToolCallback> tools, Map<String, Object> context) {
        return ToolCallingChatOptions.builder()
                .model(ModelProviders.OFFLINE)
                .toolCallbacks(tools)
                .toolContext(context)
                .build();
    }
}
