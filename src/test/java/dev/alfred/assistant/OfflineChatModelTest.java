package dev.alfred.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.json.JsonMapper;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.definition.ToolDefinition;

/** The offline model makes the tool call an intent matches, summarises results, and says what it cannot do. */
class OfflineChatModelTest {

    private final OfflineChatModel model =
            new OfflineChatModel(List.of(new TestTools.NoteIntent()), JsonMapper.createDefault());

    @Test
    void aMatchedRequestBecomesATimedToolCall() {
        AssistantMessage output = call(List.of(new UserMessage("note call Acme")), "record_note");
        assertThat(output.getToolCalls()).singleElement().satisfies(call -> {
            assertThat(call.name()).isEqualTo("record_note");
            assertThat(call.arguments()).isEqualTo("{\"text\":\"call Acme\"}");
        });
    }

    @Test
    void whatItDoesNotUnderstandItSaysWithOnlyTheExamplesThePersonMayUse() {
        String text =
                call(List.of(new UserMessage("sing me a song")), "record_note").getText();
        assertThat(text)
                .startsWith("Sorry, I did not understand that.")
                .contains("- note buy milk")
                .doesNotContain("give the notes to Bob");
    }

    @Test
    void aGreetingGetsTheListToo() {
        assertThat(call(List.of(new UserMessage("Hello!")), "record_note", "assign_note")
                        .getText())
                .startsWith("Hello! Here is what I can do")
                .contains("- give the notes to Bob");
    }

    @Test
    void toolResultsBecomeTheAnswerAndRefusalsAddNothing() {
        ToolResponseMessage results = ToolResponseMessage.builder()
                .responses(List.of(
                        new ToolResponseMessage.ToolResponse("1", "record_note", "{\"result\":\"Noted: milk.\"}"),
                        new ToolResponseMessage.ToolResponse(
                                "2", "assign_note", "{\"error\":\"not allowed: tasks.assign\"}"),
                        new ToolResponseMessage.ToolResponse("3", "record_note", "{\"error\":\"text is required\"}")))
                .build();
        assertThat(call(List.of(new UserMessage("x"), results), "record_note").getText())
                .isEqualTo("Noted: milk.\nI could not do that: text is required.");
    }

    private AssistantMessage call(List<Message> messages, String... offered) {
        List<ToolCallback> tools = java.util.Arrays.stream(offered)
                .map(name -> (ToolCallback) new DefinitionOnly(name))
                .toList();
        Prompt prompt = new Prompt(
                messages,
                OfflineOptions.of(
                        tools, Map.of(OfflineChatModel.NOW, ZonedDateTime.now().toString())));
        return model.call(prompt).getResult().getOutput();
    }

    private record DefinitionOnly(String name) implements ToolCallback {
        public ToolDefinition getToolDefinition() {
            return ToolDefinition.builder()
                    .name(name)
                    .description(name)
                    .inputSchema("{}")
                    .build();
        }

        public String call(String input) {
            throw new AssertionError("the offline model never runs tools");
        }
    }
}
