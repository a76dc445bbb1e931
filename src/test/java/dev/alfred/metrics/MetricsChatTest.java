package dev.alfred.metrics;

import static dev.alfred.testing.AlfredProperties.OWNER_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alfred.assistant.AssistantTool;
import dev.alfred.assistant.ToolCaller;
import dev.alfred.assistant.ToolResult;
import dev.alfred.channel.Inbound;
import dev.alfred.channel.Reply;
import dev.alfred.identity.Actor;
import dev.alfred.identity.ApiKeyService;
import dev.alfred.permission.PermissionService;
import dev.alfred.problem.Problem;
import dev.alfred.testing.ApiClient;
import dev.alfred.testing.ChatDriver;
import dev.alfred.testing.FakeChannel;
import dev.alfred.testing.LinkedUsers;
import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** {@code /metric}, {@code /metrics} and {@code /sync} through the real inbox and outbox, and the assistant's tools. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricsChatTest implements TestPropertyProvider {

    @Inject
    ApplicationContext context;

    @Inject
    FakeChannel channel;

    @Inject
    EmbeddedServer server;

    @Inject
    PermissionService permissions;

    Actor reader;
    Actor outsider;

    @Override
    public Map<String, String> getProperties() {
        return ChatDriver.properties();
    }

    @BeforeAll
    void setUp() {
        ApiClient api = new ApiClient(server.getURI());
        assertThat(api.send(
                                "POST",
                                "/api/v1/metrics/import/subscriptions",
                                OWNER_KEY,
                                WorkedCases.SUBSCRIPTIONS,
                                "text/csv")
                        .status())
                .isEqualTo(200);
        Actor owner =
                context.getBean(ApiKeyService.class).authenticate(OWNER_KEY).orElseThrow();
        reader = LinkedUsers.link(context, FakeChannel.NAME, "reader", "Reader");
        outsider = LinkedUsers.link(context, FakeChannel.NAME, "outsider", "Outsider");
        // An employee sees no metric by default; this one may see MRR and its movements.
        permissions.setUserOverrides(
                owner,
                reader.userId(),
                Map.of(
                        "metrics.mrr.view", true,
                        "metrics.new_mrr.view", true,
                        "metrics.expansion_mrr.view", true,
                        "metrics.contraction_mrr.view", true,
                        "metrics.churned_mrr.view", true,
                        "metrics.reactivation_mrr.view", true,
                        "metrics.net_new_mrr.view", true));
    }

    private Reply ask(String user, String command) {
        return send(user, Inbound.Kind.COMMAND, command);
    }

    private Reply say(String user, String text) {
        return send(user, Inbound.Kind.TEXT, text);
    }

    private Reply send(String user, Inbound.Kind kind, String command) {
        ChatDriver driver = new ChatDriver(context);
        String chat = "chat-" + UUID.randomUUID();
        driver.send(user, chat, kind, command);
        return driver.reply(chat, 0);
    }

    @Test
    void metric_answers_the_value_its_change_and_the_mrr_movements() {
        Reply reply = ask("reader", "metric mrr 2026-03");
        assertThat(reply.text())
                .contains("*MRR* in 2026-03: 540.00 USD")
                .contains("-90.00 USD against 2026-02")
                .contains("expansion 50.00 USD")
                .contains("contraction 40.00 USD")
                .contains("churn 100.00 USD");
        assertThat(reply.card()).isNotNull();
        assertThat(reply.card().fields()).extracting(Reply.Field::label).contains("Net new");
    }

    @Test
    void the_assistant_answers_a_metric_question_through_the_tools() {
        assertThat(say("reader", "what was our MRR in 2026-03?").text()).contains("540.00 USD");
        Reply refused = say("outsider", "what was our MRR in 2026-03?");
        assertThat(refused.text())
                .startsWith("Sorry, you are not allowed to do that (not allowed: metrics.mrr.view).")
                .doesNotContain("540");
    }

    @Test
    void metric_history_sends_a_png_chart() {
        Reply reply = ask("reader", "metric mrr history");
        assertThat(reply.attachment()).isNotNull();
        assertThat(reply.attachment().filename()).isEqualTo("mrr-history.png");
        assertThat(reply.attachment().mimeType()).isEqualTo("image/png");
        assertThat(reply.attachment().data()).startsWith(0x89, 'P', 'N', 'G');
    }

    @Test
    void a_metric_the_person_may_not_see_is_refused_without_a_number() {
        Reply refused = ask("reader", "metric arpa 2026-03");
        assertThat(refused.text()).contains("not allowed: metrics.arpa.view").doesNotContainPattern("\\d{2,}\\.\\d\\d");
        assertThat(refused.card()).isNull();
        assertThat(ask("outsider", "metric mrr 2026-03").text())
                .contains("not allowed: metrics.mrr.view")
                .doesNotContain("540");
        assertThat(ask("reader", "metric profit").text()).contains("unknown metric 'profit'");
    }

    @Test
    void metrics_lists_what_the_person_may_see_and_sync_needs_its_feature() {
        assertThat(ask("reader", "metrics").text()).contains("`mrr` MRR").doesNotContain("arpa");
        assertThat(ask("outsider", "metrics").text()).contains("may not see any metric");
        assertThat(ask("reader", "sync").text()).contains("not allowed: metrics.sync");
    }

    @Test
    void the_tools_check_the_metric_of_each_call() {
        AssistantTool<?> get = tool("get_metric");
        ToolCaller caller = new ToolCaller(reader, ZoneOffset.UTC);
        ToolResult result = call(get, Map.of("key", "mrr", "period", "2026-03"), caller);
        assertThat(result.text()).contains("540.00 USD");
        assertThat(result.data()).isInstanceOf(MetricValue.class);
        assertThatThrownBy(() -> call(get, Map.of("key", "ltv"), caller)).isInstanceOfSatisfying(Problem.class, p -> {
            assertThat(p.kind()).isEqualTo(Problem.Kind.DENIED);
            assertThat(p.detail()).isEqualTo("not allowed: metrics.ltv.view");
        });
        assertThat(get.feature()).isEqualTo("assistant.chat");

        ToolResult history =
                call(tool("metric_history"), Map.of("key", "mrr", "from", "2026-01", "to", "2026-05"), caller);
        assertThat(history.attachment()).isNotNull();
        assertThat(history.text()).contains("2026-05 610.00 USD");

        ToolResult compared =
                call(tool("compare_metric_periods"), Map.of("key", "mrr", "from", "2026-01", "to", "2026-03"), caller);
        assertThat(compared.text()).isEqualTo("MRR: 2026-01 580.00 USD, 2026-03 540.00 USD (-40.00 USD, -6.9%).");

        ToolResult list = call(tool("list_metrics"), Map.of(), caller);
        assertThat(list.text()).contains("`net_new_mrr`").doesNotContain("`ltv`");
    }

    private AssistantTool<?> tool(String name) {
        @SuppressWarnings({"rawtypes", "unchecked"})
        List<AssistantTool<?>> tools = (List) List.copyOf(context.getBeansOfType(AssistantTool.class));
        return tools.stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    /** Reads the arguments into the tool's input record as the assistant does, from JSON. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private ToolResult call(AssistantTool tool, Map<String, Object> arguments, ToolCaller caller) {
        try {
            var json = context.getBean(JsonMapper.class);
            Object input = json.readValue(json.writeValueAsBytes(arguments), Argument.of(tool.inputType()));
            return tool.call((Record) input, caller);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
