package dev.alfred.assistant;

import java.util.List;
import java.util.Map;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.tool.ToolCallback;

/**
 * One link of a chain: {@code kind} ({@code openai}, {@code anthropic}, {@code ollama},
 * {@code offline}), the configured model name (what prices are looked up by), the Spring AI model,
 * and how to build its per-call options (tools and tool context).
 */
record Provider(String kind, String model, ChatModel chatModel, Options options) {

    @FunctionalInterface
    interface Options {
        ChatOptions with(List<ToolCallback> tools, Map<String, Object> toolContext);
    }

    boolean offline() {
        return kind.equals(ModelProviders.OFFLINE);
    }

    String label() {
        return offline() ? kind : kind + ":" + model;
    }
}
