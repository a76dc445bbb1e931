package dev.alfred.assistant;

import dev.alfred.bench.BenchReport;
import dev.alfred.bot.BotRegistry;
import dev.alfred.channel.Inbound;
import dev.alfred.conversation.CommandContext;
import dev.alfred.identity.Actor;
import dev.alfred.identity.ApiKeyService;
import dev.alfred.identity.Role;
import dev.alfred.testing.AlfredProperties;
import dev.alfred.testing.LinkedUsers;
import io.micronaut.context.ApplicationContext;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.TransactionOperations;
import java.io.IOException;
import java.sql.Connection;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.ai.tokenizer.JTokkitTokenCountEstimator;
import org.springframework.ai.tokenizer.TokenCountEstimator;

/**
 * What a turn costs: the tokens of the prompt a provider would get (system prompt, tool schemas,
 * 30 messages of history, the question) per role, counted with the cl100k tokenizer; and the
 * assistant's own overhead per turn with the offline model (prompt, limits, cache, tool gate,
 * tools, usage) in turns per second. Run with {@code ./mvnw -Pbench verify}.
 */
class AssistantBench {

    private static final int TURNS = 2000;
    private static final String QUESTION = "remind Bob to send the Acme invoice by Friday, high priority";

    @Test
    void tokens_per_turn_and_offline_overhead() throws Exception {
        Map<String, Object> properties =
                new java.util.HashMap<>(AlfredProperties.fresh("alfred.assistant.daily-messages", "1000000"));
        try (ApplicationContext context = ApplicationContext.run(properties)) {
            Actor ceo = context.getBean(ApiKeyService.class)
                    .authenticate(AlfredProperties.OWNER_KEY)
                    .orElseThrow();
            Actor manager = LinkedUsers.link(context, "console", "bench-manager", "Mia Manager", Role.MANAGER);
            Actor employee = LinkedUsers.link(context, "console", "bench-employee", "Bob", Role.EMPLOYEE);
            tokens(context, List.of(employee, manager, ceo));
            overhead(context, employee);
            long tasks = tasksOf(context, employee);
            if (tasks < TURNS) {
                throw new IllegalStateException(
                        "only " + tasks + " tasks were created: the turns did not take the tool path");
            }
        }
    }

    private void tokens(ApplicationContext context, List<Actor> actors) throws IOException {
        TokenCountEstimator tokens = new JTokkitTokenCountEstimator();
        JsonMapper json = context.getBean(JsonMapper.class);
        ToolRegistry registry = context.getBean(ToolRegistry.class);
        SystemPrompt prompts = context.getBean(SystemPrompt.class);
        BenchReport report = new BenchReport(
                "assistant-tokens-per-turn",
                "role",
                "tools offered",
                "system prompt",
                "tool schemas",
                "history (30 messages)",
                "question",
                "total");
        String history = String.join("\n", typicalHistory());
        for (Actor actor : actors) {
            TransactionOperations<Connection> tx = context.getBean(TransactionOperations.class);
            List<AssistantTool<?>> offered = tx.executeRead(status -> registry.offeredTo(actor));
            List<Map<String, Object>> definitions = new ArrayList<>();
            for (AssistantTool<?> tool : offered) {
                // Ordered as a provider's request is, and the same on every run: Map.of orders keys at random.
                Map<String, Object> function = new LinkedHashMap<>();
                function.put("name", tool.name());
                function.put("description", tool.description());
                function.put("parameters", ToolSchemas.of(tool.inputType()));
                Map<String, Object> definition = new LinkedHashMap<>();
                definition.put("type", "function");
                definition.put("function", function);
                definitions.add(definition);
            }
            String system = prompts.render(
                    context.getBean(BotRegistry.class).get("alfred"),
                    "Acme Analytics",
                    null,
                    actor,
                    ZonedDateTime.now(ZoneId.of("Europe/Berlin")));
            int systemTokens = tokens.estimate(system);
            int toolTokens = tokens.estimate(json.writeValueAsString(definitions));
            int historyTokens = tokens.estimate(history);
            int questionTokens = tokens.estimate(QUESTION);
            report.row(
                    actor.role().key(),
                    offered.size(),
                    systemTokens,
                    toolTokens,
                    historyTokens,
                    questionTokens,
                    systemTokens + toolTokens + historyTokens + questionTokens);
        }
        report.publish();
    }

    private void overhead(ApplicationContext context, Actor actor) throws Exception {
        BenchReport report =
                new BenchReport("assistant-offline-overhead", "threads", "turns", "turns/s", "p50 ms", "p99 ms");
        Assistant assistant = context.getBean(Assistant.class);
        TransactionOperations<Connection> tx = context.getBean(TransactionOperations.class);
        turns(context, assistant, tx, actor, 1, 200); // warm-up
        for (int threads : new int[] {1, 4}) {
            long start = System.nanoTime();
            List<Double> latencies = turns(context, assistant, tx, actor, threads, TURNS);
            double seconds = (System.nanoTime() - start) / 1e9;
            report.row(
                    threads,
                    TURNS,
                    BenchReport.fixed(TURNS / seconds),
                    BenchReport.fixed(BenchReport.percentile(latencies, 50)),
                    BenchReport.fixed(BenchReport.percentile(latencies, 99)));
        }
        report.publish();
    }

    /** Alternates a writing request (a new task) with a reading one (the list), each thread in its own conversation. */
    private List<Double> turns(
            ApplicationContext context,
            Assistant assistant,
            TransactionOperations<Connection> tx,
            Actor actor,
            int threads,
            int total)
            throws Exception {
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                UUID conversation = conversationWithHistory(context, actor);
                int share = total / threads;
                work.add(pool.submit(() -> {
                    for (int i = 0; i < share; i++) {
                        String text = i % 2 == 0
                                ? "remind me to call customer "
                                        + UUID.randomUUID().toString().substring(0, 8) + " tomorrow at 3pm"
                                : "show my open tasks";
                        CommandContext turn = new CommandContext(actor, text, event(text), conversation);
                        long begin = System.nanoTime();
                        tx.executeWrite(status -> assistant.respond(turn));
                        latencies.add((System.nanoTime() - begin) / 1e6);
                    }
                    return null;
                }));
            }
            for (Future<?> each : work) {
                each.get();
            }
        }
        return latencies;
    }

    private static long tasksOf(ApplicationContext context, Actor actor) {
        TransactionOperations<Connection> tx = context.getBean(TransactionOperations.class);
        return tx.executeRead(status -> context.getBean(JdbcOperations.class)
                .prepareStatement("SELECT count(*) FROM task WHERE assignee_id = ?", statement -> {
                    statement.setObject(1, actor.userId());
                    try (var rows = statement.executeQuery()) {
                        rows.next();
                        return rows.getLong(1);
                    }
                }));
    }

    private static Inbound event(String text) {
        String id = UUID.randomUUID().toString();
        return new Inbound(
                "alfred", "console", id, null, "bench", "bench-employee", "Bob", Inbound.Kind.TEXT, text, Map.of());
    }

    private static UUID conversationWithHistory(ApplicationContext context, Actor actor) {
        UUID id = UUID.randomUUID();
        TransactionOperations<Connection> tx = context.getBean(TransactionOperations.class);
        JdbcOperations jdbc = context.getBean(JdbcOperations.class);
        tx.executeWrite(status -> {
            jdbc.prepareStatement(
                    "INSERT INTO conversation (id, tenant_id, user_id, bot, channel, chat) VALUES (?, ?, ?, 'alfred', 'console', ?)",
                    statement -> {
                        statement.setObject(1, id);
                        statement.setObject(2, actor.tenantId());
                        statement.setObject(3, actor.userId());
                        statement.setString(4, id.toString());
                        return statement.executeUpdate();
                    });
            List<String> history = typicalHistory();
            for (int i = 0; i < history.size(); i++) {
                String role = i % 2 == 0 ? "user" : "assistant";
                String text = history.get(i);
                jdbc.prepareStatement(
                        "INSERT INTO conversation_message (conversation_id, role, text) VALUES (?, ?, ?)",
                        statement -> {
                            statement.setObject(1, id);
                            statement.setString(2, role);
                            statement.setString(3, text);
                            return statement.executeUpdate();
                        });
            }
            return null;
        });
        return id;
    }

    /** 15 questions and 15 answers of the length people and Alfred typically write. */
    private static List<String> typicalHistory() {
        List<String> messages = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            messages.add("Can you remind Carol to review the Q" + (i % 4 + 1) + " pipeline numbers before Thursday?");
            messages.add("Task #" + (100 + i) + " *Review the Q" + (i % 4 + 1)
                    + " pipeline numbers* for Carol Jones, due Thu 26 Nov 17:00, priority normal."
                    + " I told Carol in Slack.");
        }
        return messages;
    }
}
