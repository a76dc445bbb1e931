package dev.alfred.assistant;

import static dev.alfred.assistant.FakeModelServer.ANTHROPIC;
import static dev.alfred.assistant.FakeModelServer.OPENAI;
import static dev.alfred.testing.AlfredProperties.OWNER_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.alfred.assistant.FakeModelServer.Answer;
import dev.alfred.channel.InboundSink;
import dev.alfred.channel.Outbound;
import dev.alfred.identity.Actor;
import dev.alfred.identity.Role;
import dev.alfred.testing.ApiClient;
import dev.alfred.testing.FakeChannel;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The assistant through the real chat path (inbox, dispatcher, router, outbox, a fake channel)
 * against local fakes of the OpenAI and Anthropic APIs: tool rounds, retries, fallback, usage and
 * cost, refusals, limits, budget and cache.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AssistantProvidersTest implements TestPropertyProvider {

    private static final FakeModelServer MODELS = start();
    private AssistantChat chat;

    @Inject
    ApplicationContext context;

    @Inject
    InboundSink inbox;

    @Inject
    FakeChannel channel;

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        return AssistantChat.properties(
                MODELS, "alfred.test.assistant-tools", "true", "alfred.assistant.daily-messages-by-role.agent", "2");
    }

    @BeforeEach
    void reset() {
        chat = new AssistantChat(context);
        MODELS.reset();
        channel.reset();
        TestTools.NOTES.clear();
        TestTools.ASSIGNED.clear();
        settings("{\"chain\":\"openai:gpt-4o-mini, anthropic:claude-haiku-4-5, offline\"}");
    }

    @AfterAll
    void stop() {
        MODELS.close();
    }

    @Test
    void aToolCallRunsOnceAndItsResultGoesBackToTheModel() {
        Actor bob = chat.person("Bob", Role.EMPLOYEE);
        MODELS.script(
                OPENAI,
                Answer.json(FakeModelServer.openAiToolCall(
                        "call_1", "record_note", "{\"text\":\"Call Acme\",\"priority\":\"high\"}", 100, 20)),
                Answer.json(FakeModelServer.openAiText("I noted *Call Acme* for you.", 150, 10)));

        Outbound reply = ask(bob, "please note that I must call Acme");

        assertThat(reply.reply().text()).isEqualTo("I noted *Call Acme* for you.");
        assertThat(TestTools.NOTES).containsExactly("Call Acme");
        List<FakeModelServer.Request> requests = MODELS.requests(OPENAI);
        assertThat(requests).hasSize(2);
        assertThat(requests.get(0).body()).contains("\"record_note\"");
        assertThat(requests.get(0).body()).doesNotContain("assign_note");
        assertThat(requests.get(1).body()).contains("\"role\":\"tool\"").contains("\"tool_call_id\":\"call_1\"");
        assertThat(requests.get(1).body()).contains("Noted: Call Acme.");
        assertThat(requests.get(0).headers().get("Authorization")).containsExactly("Bearer test-openai-key");

        Map<String, Object> row = usage(bob, "openai");
        assertThat(row).containsEntry("provider", "openai").containsEntry("model", "gpt-4o-mini");
        assertThat(row).containsEntry("promptTokens", 250).containsEntry("completionTokens", 30);
        // gpt-4o-mini: $0.15 per 1M prompt tokens, $0.60 per 1M completion tokens
        assertThat(new BigDecimal(row.get("costUsd").toString())).isEqualByComparingTo("0.0000555");
    }

    @Test
    void aStreamedAnswerGrowsInADraftThatTheFinalReplyReplacesAndItsUsageIsRecorded() {
        Actor bob = chat.person("Bob", Role.EMPLOYEE);
        channel.edits(true);
        MODELS.script(
                OPENAI, Answer.stream(FakeModelServer.openAiStream(List.of("Our MRR ", "grew ", "by 4%."), 70, 9)));

        Outbound reply = ask(bob, "how is our MRR doing?");

        assertThat(reply.reply().text()).isEqualTo("Our MRR grew by 4%.");
        assertThat(MODELS.requests(OPENAI).getFirst().body())
                .contains("\"stream\":true")
                .contains("\"include_usage\":true");
        String eventId = reply.replyAddress().get("event");
        List<FakeChannel.DraftFrame> frames = channel.drafts().stream()
                .filter(frame -> frame.eventId().equals(eventId))
                .toList();
        assertThat(frames).isNotEmpty();
        assertThat(frames.getFirst().text()).isEqualTo("Our MRR ");
        assertThat(reply.replyAddress())
                .containsEntry("draft", frames.getFirst().draftId());
        assertThat(usage(bob, "openai")).containsEntry("promptTokens", 70).containsEntry("completionTokens", 9);
    }

    @Test
    void aStreamedToolCallRunsOnceAndTheStreamedAnswerFollows() {
        Actor bob = chat.person("Bob", Role.EMPLOYEE);
        channel.edits(true);
        MODELS.script(
                OPENAI,
                Answer.stream(FakeModelServer.openAiStreamedToolCall(
                        "call_s", "record_note", List.of("{\"text\":", "\"Call ", "Acme\"}"), 80, 12)),
                Answer.stream(FakeModelServer.openAiStream(List.of("Noted ", "for you."), 120, 4)));

        Outbound reply = ask(bob, "please note: call Acme");

        assertThat(TestTools.NOTES).containsExactly("Call Acme");
        assertThat(reply.reply().text()).isEqualTo("Noted for you.");
        assertThat(MODELS.requests(OPENAI).get(1).body()).contains("\"tool_call_id\":\"call_s\"");
        assertThat(usage(bob, "openai")).containsEntry("promptTokens", 200).containsEntry("completionTokens", 16);
    }

    @Test
    void anthropicStreamsToo() {
        Actor bob = chat.person("Bob", Role.EMPLOYEE);
        channel.edits(true);
        settings("{\"chain\":\"anthropic:claude-haiku-4-5, offline\"}");
        MODELS.script(
                ANTHROPIC, Answer.stream(FakeModelServer.anthropicStream(List.of("Hello ", "from Claude."), 25, 15)));

        Outbound reply = ask(bob, "say hello");

        assertThat(reply.reply().text()).isEqualTo("Hello from Claude.");
        MODELS.script(
                ANTHROPIC,
                Answer.stream(FakeModelServer.anthropicStreamedToolUse(
                        "toolu_s", "record_note", List.of("{\"text\": ", "\"Ship it\"}"), 30, 10)),
                Answer.stream(FakeModelServer.anthropicStream(List.of("Shipped."), 40, 3)));
        assertThat(ask(bob, "note: ship it").reply().text()).isEqualTo("Shipped.");
        assertThat(TestTools.NOTES).containsExactly("Ship it");
        assertThat(MODELS.requests(ANTHROPIC).getFirst().body()).contains("\"stream\":true");
        assertThat(reply.replyAddress()).containsKey("draft");
        assertThat(usage(bob, "anthropic"))
                .containsEntry("promptTokens", 25 + 30 + 40)
                .containsEntry("completionTokens", 15 + 10 + 3);
    }

    @Test
    void ollamaAnswersToo() {
        Actor bob = chat.person("Bob", Role.EMPLOYEE);
        settings("{\"chain\":\"ollama:llama3.2, offline\"}");
        MODELS.script(FakeModelServer.OLLAMA, Answer.json(FakeModelServer.ollamaText("Hi from a local model.", 12, 4)));

        assertThat(ask(bob, "say hi").reply().text()).isEqualTo("Hi from a local model.");
        assertThat(MODELS.requests(FakeModelServer.OLLAMA).getFirst().body())
                .contains("\"model\":\"llama3.2\"")
                .contains("record_note");
        assertThat(usage(bob, "ollama")).containsEntry("promptTokens", 12).containsEntry("completionTokens", 4);
    }

    @Test
    void thePromptCarriesPersonaTenantPromptThePersonAndTheHistory() {
        Actor bob = chat.person("Bob Baker", Role.EMPLOYEE);
        settings("{\"chain\":\"openai:gpt-4o-mini, offline\",\"prompt\":\"Our fiscal year starts in April.\"}");
        MODELS.script(
                OPENAI,
                Answer.json(FakeModelServer.openAiText("First answer.", 10, 2)),
                Answer.json(FakeModelServer.openAiText("Second answer.", 10, 2)));

        String conversation = "prompt-" + UUID.randomUUID();
        chat.ask(bob, conversation, "first question");
        chat.ask(bob, conversation, "second question");

        String first = MODELS.requests(OPENAI).get(0).body();
        assertThat(first)
                .contains("You are Alfred, the assistant of Default.")
                .contains("Our fiscal year starts in April.")
                .contains("You are talking to Bob Baker (role: employee, time zone: Europe/Berlin)");
        String second = MODELS.requests(OPENAI).get(1).body();
        assertThat(second.indexOf("first question"))
                .isPositive()
                .isLessThan(second.indexOf("First answer."))
                .isLessThan(second.indexOf("second question"));
    }

    @Test
    void aModelThatKeepsCallingToolsIsStoppedAfterTheLastRound() {
        Actor bob = chat.person("Bob", Role.EMPLOYEE);
        for (int i = 0; i < 6; i++) {
            MODELS.script(
                    OPENAI,
                    Answer.json(
                            FakeModelServer.openAiToolCall("call_" + i, "record_note", "{\"text\":\"again\"}", 5, 5)));
        }

        String text = ask(bob, "note forever").reply().text();

        assertThat(TestTools.NOTES).hasSize(5);
        assertThat(MODELS.requests(OPENAI)).hasSize(6);
        assertThat(text).contains("I stopped after 5 rounds of tool calls.");
    }

    @Test
    void aRateLimitAndAServerErrorAreRetriedOnTheSameProvider() {
        Actor bob = chat.person("Bob", Role.EMPLOYEE);
        MODELS.script(
                OPENAI,
                Answer.status(429, Map.of("Retry-After", "0")),
                Answer.status(500, Map.of()),
                Answer.json(FakeModelServer.openAiText("Hello Bob.", 10, 3)));

        assertThat(ask(bob, "hello there, model").reply().text()).isEqualTo("Hello Bob.");
        assertThat(MODELS.requests(OPENAI)).hasSize(3);
        assertThat(MODELS.requests(ANTHROPIC)).isEmpty();
    }

    @Test
    void aFailingProviderFallsBackToTheNextOneInTheChain() {
        Actor bob = chat.person("Bob", Role.EMPLOYEE);
        MODELS.script(OPENAI, Answer.status(500, Map.of()), Answer.status(500, Map.of()), Answer.status(500, Map.of()));
        MODELS.script(
                ANTHROPIC,
                Answer.json(
                        FakeModelServer.anthropicToolUse("toolu_1", "record_note", "{\"text\":\"Ship it\"}", 40, 8)),
                Answer.json(FakeModelServer.anthropicText("Noted, from Claude.", 60, 6)));

        assertThat(ask(bob, "note: ship it").reply().text()).isEqualTo("Noted, from Claude.");
        assertThat(MODELS.requests(OPENAI)).hasSize(3);
        assertThat(MODELS.requests(ANTHROPIC)).hasSize(2);
        assertThat(MODELS.requests(ANTHROPIC).get(0).headers().get("X-api-key")).containsExactly("test-anthropic-key");
        assertThat(TestTools.NOTES).containsExactly("Ship it");
        assertThat(usage(bob, "anthropic")).containsEntry("promptTokens", 100);
    }

    @Test
    void whenEveryProviderFailsTheOfflineModelAnswers() {
        Actor bob = chat.person("Bob", Role.EMPLOYEE);
        MODELS.script(OPENAI, Answer.status(401, Map.of()));
        MODELS.script(ANTHROPIC, Answer.status(401, Map.of()));

        assertThat(ask(bob, "note buy milk").reply().text()).isEqualTo("Noted: buy milk.");
        assertThat(MODELS.requests(OPENAI)).as("a 401 is not retried").hasSize(1);
        assertThat(TestTools.NOTES).containsExactly("buy milk");
    }

    @Test
    void aToolThePersonMayNotUseNeverRunsAndTheRefusalIsToldAndAudited() {
        Actor bob = chat.person("Bob", Role.EMPLOYEE);
        MODELS.script(
                OPENAI,
                Answer.json(FakeModelServer.openAiToolCall("call_9", "assign_note", "{\"assignee\":\"Carol\"}", 50, 5)),
                Answer.json(FakeModelServer.openAiText("All done, Carol has them!", 60, 6)));

        String text = ask(bob, "give my notes to carol").reply().text();

        assertThat(TestTools.ASSIGNED).isEmpty();
        assertThat(text).startsWith("Sorry, you are not allowed to do that (not allowed: tasks.assign).");
        assertThat(MODELS.requests(OPENAI).get(1).body()).contains("not allowed: tasks.assign");
        List<Map<String, Object>> audit = api().get("/api/v1/audit?action=assistant.tool.refused", OWNER_KEY)
                .list();
        assertThat(audit).anySatisfy(entry -> {
            assertThat(entry).containsEntry("feature", "tasks.assign");
            assertThat(entry.get("newValue").toString()).contains("assign_note");
        });
    }

    @Test
    void argumentsThatDoNotFitTheToolAreRefusedBeforeItRuns() {
        Actor bob = chat.person("Bob", Role.EMPLOYEE);
        MODELS.script(
                OPENAI,
                Answer.json(FakeModelServer.openAiToolCall(
                        "call_2", "record_note", "{\"text\":\"x\",\"priority\":\"asap\"}", 5, 5)),
                Answer.json(FakeModelServer.openAiText("Which priority?", 5, 5)));

        assertThat(ask(bob, "note x asap").reply().text()).isEqualTo("Which priority?");
        assertThat(TestTools.NOTES).isEmpty();
        assertThat(MODELS.requests(OPENAI).get(1).body()).contains("priority must be one of low, high");
    }

    @Test
    void theDailyMessageLimitStopsTheAssistantButNotCommands() {
        Actor agent = chat.person("Ann", Role.AGENT);
        settings("{\"chain\":\"offline\"}");

        ask(agent, "note one");
        ask(agent, "note two");
        assertThat(ask(agent, "note three").reply().text()).contains("used your 2 assistant messages for today");
        assertThat(TestTools.NOTES).containsExactly("one", "two");
    }

    @Test
    void overTheMonthlyBudgetTheOfflineModelAnswersAndSaysSo() {
        Actor bob = chat.person("Bob", Role.EMPLOYEE);
        settings("{\"chain\":\"openai:gpt-4o-mini, offline\",\"monthlyBudgetUsd\":0.00}");
        MODELS.script(OPENAI, Answer.json(FakeModelServer.openAiText("Paid answer.", 1_000_000, 0)));
        assertThat(ask(bob, "how are you doing?").reply().text()).isEqualTo("Paid answer.");

        settings("{\"chain\":\"openai:gpt-4o-mini, offline\",\"monthlyBudgetUsd\":0.01}");
        String text = ask(bob, "note after the budget").reply().text();

        assertThat(MODELS.requests(OPENAI)).hasSize(1);
        assertThat(text).contains("Noted: after the budget.").contains("budget is used up");
    }

    @Test
    void anIdenticalQuestionIsAnsweredFromTheCacheWithoutAProviderCall() {
        Actor bob = chat.person("Bob", Role.EMPLOYEE);
        MODELS.script(OPENAI, Answer.json(FakeModelServer.openAiText("Forty-two.", 30, 2)));

        String conversation = "cache-" + UUID.randomUUID();
        assertThat(chat.ask(bob, conversation, "what is the answer?").reply().text())
                .isEqualTo("Forty-two.");
        chat.ask(bob, conversation, "/reset");
        assertThat(chat.ask(bob, conversation, "what is the answer?").reply().text())
                .isEqualTo("Forty-two.");

        assertThat(MODELS.requests(OPENAI)).hasSize(1);
    }

    @Test
    void crossingTheDailyCostThresholdAlertsTheAdminsOnce() {
        Actor owner = chat.owner();
        Actor bob = chat.person("Bob", Role.EMPLOYEE);
        settings("{\"chain\":\"openai:gpt-4o-mini, offline\",\"dailyAlertUsd\":0.10}");
        MODELS.script(
                OPENAI,
                Answer.json(FakeModelServer.openAiText("Expensive.", 1_000_000, 0)),
                Answer.json(FakeModelServer.openAiText("Expensive again.", 1_000_000, 0)));

        ask(bob, "an expensive question");
        ask(bob, "another expensive question");

        await().atMost(Duration.ofSeconds(10)).until(() -> alerts(owner).size() == 1);
        assertThat(alerts(owner).getFirst().reply().text()).contains("Assistant cost alert");
        await().during(Duration.ofMillis(300)).until(() -> alerts(owner).size() == 1);
    }

    /** Today's usage row of {@code actor} with {@code provider}. */
    private Map<String, Object> usage(Actor actor, String provider) {
        return api().get("/api/v1/usage", OWNER_KEY).list().stream()
                .filter(row -> actor.userId().toString().equals(row.get("userId")))
                .filter(row -> provider.equals(row.get("provider")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + provider + " usage of " + actor.name()));
    }

    private List<Outbound> alerts(Actor owner) {
        String platformUser = chat.platformUser(owner);
        return channel.delivered().stream()
                .map(FakeChannel.Attempt::message)
                .filter(message -> message.isDirect() && message.directUser().equals(platformUser))
                .toList();
    }

    private Outbound ask(Actor actor, String text) {
        return chat.ask(actor, text);
    }

    private void settings(String json) {
        chat.settings(json);
    }

    private ApiClient api() {
        return chat.api();
    }

    private static FakeModelServer start() {
        try {
            return new FakeModelServer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
