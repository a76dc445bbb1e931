package dev.alfred.assistant;

import static dev.alfred.assistant.FakeModelServer.ANTHROPIC;
import static dev.alfred.assistant.FakeModelServer.OPENAI;
import static org.assertj.core.api.Assertions.assertThat;

import dev.alfred.assistant.FakeModelServer.Answer;
import dev.alfred.identity.Actor;
import dev.alfred.identity.Role;
import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** A provider that does not answer in time is retried, and a turn never outlives its deadline. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AssistantTimeoutTest implements TestPropertyProvider {

    private static final FakeModelServer MODELS = start();
    private static final long SILENCE = 4_000;

    @Inject
    ApplicationContext context;

    private AssistantChat chat;

    @Override
    public Map<String, String> getProperties() {
        return AssistantChat.properties(
                MODELS,
                "alfred.test.assistant-tools",
                "true",
                "alfred.assistant.timeout",
                "2s",
                "alfred.assistant.turn-timeout",
                "5s");
    }

    @BeforeEach
    void reset() {
        MODELS.reset();
        chat = new AssistantChat(context);
    }

    @AfterAll
    void stop() {
        MODELS.close();
    }

    @Test
    void aTimedOutCallIsRetried() {
        Actor bob = chat.person("Bob", Role.EMPLOYEE);
        chat.settings("{\"chain\":\"openai:gpt-4o-mini, offline\"}");
        MODELS.script(
                OPENAI,
                Answer.json(FakeModelServer.openAiText("Too late.", 1, 1)).after(SILENCE),
                Answer.json(FakeModelServer.openAiText("In time.", 1, 1)));

        assertThat(chat.ask(bob, "are you there?").reply().text()).isEqualTo("In time.");
        assertThat(MODELS.requests(OPENAI)).hasSize(2);
    }

    @Test
    void whenTheTurnRunsOutOfTimeTheOfflineModelAnswersAndSaysSo() {
        Actor bob = chat.person("Bob", Role.EMPLOYEE);
        chat.settings("{\"chain\":\"openai:gpt-4o-mini, anthropic:claude-haiku-4-5, offline\"}");
        for (int i = 0; i < 3; i++) {
            MODELS.script(
                    OPENAI,
                    Answer.json(FakeModelServer.openAiText("Too late.", 1, 1)).after(SILENCE));
        }

        String text = chat.ask(bob, "note call Acme").reply().text();

        assertThat(text).contains("Noted: call Acme.").contains("took too long");
        assertThat(MODELS.requests(OPENAI))
                .as("a third attempt could not end in time")
                .hasSize(2);
        assertThat(MODELS.requests(ANTHROPIC)).isEmpty();
    }

    private static FakeModelServer start() {
        try {
            return new FakeModelServer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
