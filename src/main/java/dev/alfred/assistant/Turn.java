package dev.alfred.assistant;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.ai.chat.messages.Message;

/**
 * One turn's input: who asks (and their time), through which bot, the prompt so far, the offered
 * tools, and where to show the answer while it grows (null: the channel cannot edit messages).
 */
record Turn(
        ToolCaller caller,
        String bot,
        ZonedDateTime now,
        List<Message> messages,
        List<AssistantTool<?>> tools,
        @Nullable Consumer<String> live) {

    Turn {
        messages = List.copyOf(messages);
        tools = List.copyOf(tools);
    }

    LocalDate utcDay() {
        return now.withZoneSameInstant(ZoneOffset.UTC).toLocalDate();
    }
}
