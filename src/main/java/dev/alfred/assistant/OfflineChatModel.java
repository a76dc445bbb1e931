package dev.alfred.assistant;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.model.tool.ToolCallingChatOptions;
import org.springframework.ai.tool.ToolCallback;

/**
 * The built-in model: a Spring AI {@link ChatModel} that answers without any provider. It turns a
 * request into the tool call a large model would make by asking every feature's
 * {@link OfflineIntent}, and turns tool results into the answer. What it does not understand it
 * says plainly, with examples of what it can do for this person.
 */
final class OfflineChatModel implements ChatModel {

    /** Tool-context key of the speaker's current time (ISO zoned date-time) that intents resolve dates against. */
    static final String NOW = "alfred.now";

    private static final Pattern GREETING = Pattern.compile(
            "(hi|hello|hey|hallo|good (morning|afternoon|evening)|help|what can you do\\??|thanks|thank you)[!.?\\s]*");

    private final List<OfflineIntent> intents;
    private final JsonMapper json;

    OfflineChatModel(List<OfflineIntent> intents, JsonMapper json) {
        this.intents = List.copyOf(intents);
        this.json = json;
    }

    @Override
    public ChatResponse call(Prompt prompt) {
        List<Message> messages = prompt.getInstructions();
        Message last = messages.getLast();
        if (last instanceof ToolResponseMessage results) {
            return answer(summary(results));
        }
        String question = last instanceof UserMessage user ? user.getText() : "";
        ZonedDateTime now = now(prompt);
        Set<String> offered = offered(prompt);
        if (GREETING.matcher(question.trim().toLowerCase(Locale.ROOT)).matches()) {
            return answer("Hello! " + capabilities(offered, now));
        }
        Optional<OfflineIntent.Match> match = best(question, now);
        if (match.isEmpty()) {
            return answer("Sorry, I did not understand that. " + capabilities(offered, now));
        }
        AssistantMessage.ToolCall call = new AssistantMessage.ToolCall(
                "offline-" + Integer.toHexString(question.hashCode()),
                "function",
                match.get().tool(),
                write(match.get().arguments()));
        return new ChatResponse(List.of(new Generation(
                AssistantMessage.builder().content("").toolCalls(List.of(call)).build())));
    }

    private Optional<OfflineIntent.Match> best(String message, ZonedDateTime now) {
        return intents.stream()
                .flatMap(intent -> intent.match(message, now).stream())
                .filter(match -> match.score() >= OfflineIntent.THRESHOLD)
                .max(Comparator.comparingDouble(OfflineIntent.Match::score));
    }

    /** Example requests whose tool this person is offered, so that the list never promises a refusal. */
    private String capabilities(Set<String> offered, ZonedDateTime now) {
        List<String> examples = new ArrayList<>();
        for (OfflineIntent intent : intents) {
            for (String example : intent.examples()) {
                best(example, now)
                        .filter(match -> offered.contains(match.tool()))
                        .ifPresent(match -> examples.add("- " + example));
            }
        }
        if (examples.isEmpty()) {
            return "There is nothing I can do for you in free text yet; send /help to see your commands.";
        }
        return "Here is what I can do, for example:\n" + String.join("\n", examples) + "\nSend /help for commands.";
    }

    /** The tools' own sentences; refusals are told by Alfred itself, so they add nothing here. */
    private String summary(ToolResponseMessage results) {
        return results.getResponses().stream()
                .map(response -> read(response.responseData()))
                .map(body -> body.get("result") != null
                        ? body.get("result").coerceStringValue()
                        : refusal(
                                body.get("error") == null
                                        ? ""
                                        : body.get("error").coerceStringValue()))
                .filter(text -> !text.isBlank())
                .collect(Collectors.joining("\n"));
    }

    private static String refusal(String error) {
        return error.startsWith("not allowed") || error.isBlank() ? "" : "I could not do that: " + error + ".";
    }

    private static ChatResponse answer(String text) {
        return new ChatResponse(List.of(new Generation(new AssistantMessage(text))));
    }

    private static ZonedDateTime now(Prompt prompt) {
        if (prompt.getOptions() instanceof ToolCallingChatOptions options
                && options.getToolContext().get(NOW) instanceof String now) {
            return ZonedDateTime.parse(now);
        }
        return ZonedDateTime.now();
    }

    private static Set<String> offered(Prompt prompt) {
        if (prompt.getOptions() instanceof ToolCallingChatOptions options) {
            return options.getToolCallbacks().stream()
                    .map(ToolCallback::getToolDefinition)
                    .map(definition -> definition.name())
                    .collect(Collectors.toSet());
        }
        return Set.of();
    }

    private JsonNode read(String text) {
        try {
            return json.readValue(text, JsonNode.class);
        } catch (IOException e) {
            return JsonNode.createObjectNode(Map.of("result", JsonNode.createStringNode(text)));
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
