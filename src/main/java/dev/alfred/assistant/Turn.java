package dev.alfred.assistant;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import org.springframework.ai.chat.messages.Message;

/** One turn's input: who asks (and their time), through which bot, the prompt so far and the offered tools. */
record Turn(ToolCaller caller, String bot, ZonedDateTime now, List<Message> messages, List<AssistantTool<?>> tools) {

    Turn {
        messages = List.copyOf(messages);
        tools = List.copyOf(tools);
    }

    LocalDate utcDay() {
        return now.withZoneSameInstant(ZoneOffset.UTC).toLocalDate();
    }
}
