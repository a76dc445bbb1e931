package dev.alfred.assistant;

import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.ai.chat.metadata.Usage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.tool.ToolCallback;

/**
 * One assistant turn: asks the chain's providers in order, each with retries on 429, 5xx and
 * timeouts (exponential backoff with jitter), and runs the model's tool calls through the
 * {@link ToolGate} for at most {@code alfred.assistant.max-tool-rounds} rounds.
 *
 * <p>When the channel can show a growing answer ({@link Turn#live()}), providers stream and the
 * text so far is shown as it comes. A provider that fails after tools ran hands the same conversation, tool results included,
 * to the next one, so that no tool runs twice. Before every paid call the tenant's monthly budget
 * is checked; once it is spent the offline model answers.
 */
@Singleton
class ProviderChain {

    private static final Logger LOG = LoggerFactory.getLogger(ProviderChain.class);

    /**
     * What the turn produced: the answer, every tool call, whether any paid provider answered a
     * call, and what Alfred adds itself.
     */
    record Answer(String text, List<ToolGate.Outcome> outcomes, boolean paid, List<String> notes) {}

    private final AssistantSettings settings;
    private final ToolGate gate;
    private final UsageLedger ledger;
    private final Pricing pricing;
    private final ModelProviders providers;
    private final JsonMapper json;
    private final Clock clock;

    ProviderChain(
            AssistantSettings settings,
            ToolGate gate,
            UsageLedger ledger,
            Pricing pricing,
            ModelProviders providers,
            JsonMapper json,
            Clock clock) {
        this.clock = clock;
        this.settings = settings;
        this.gate = gate;
        this.ledger = ledger;
        this.pricing = pricing;
        this.providers = providers;
        this.json = json;
    }

    Answer answer(Turn turn, List<Provider> chain, BigDecimal monthlyBudget) {
        List<Message> conversation = new ArrayList<>(turn.messages());
        List<ToolGate.Outcome> outcomes = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<ToolCallback> callbacks = turn.tools().stream()
                .map(tool -> (ToolCallback) new GatedToolCallback(tool, gate, turn.caller(), json))
                .toList();
        Map<String, Object> context = Map.of(OfflineChatModel.NOW, turn.now().toString());
        int next = 0;
        boolean paid = false;
        // A turn holds its chat's lease: it must end well before the lease does.
        Instant deadline = clock.instant().plus(settings.turnTimeout());
        Provider provider = chain.get(next);
        for (int round = 0; ; round++) {
            if (!provider.offline() && overBudget(turn, monthlyBudget)) {
                notes.add("This month's assistant budget is used up, so the offline assistant answered.");
                provider = providers.offline();
            }
            if (!provider.offline() && !fits(deadline, Duration.ZERO)) {
                notes.add("The language model took too long, so the offline assistant answered.");
                provider = providers.offline();
            }
            ChatResponse response;
            try {
                response = callWithRetries(
                        provider,
                        new Prompt(conversation, provider.options().with(callbacks, context)),
                        turn.live(),
                        deadline);
            } catch (RuntimeException failure) {
                if (provider.offline()) {
                    throw failure;
                }
                LOG.warn("Provider {} failed, trying the next one: {}", provider.label(), failure.toString());
                provider = ++next < chain.size() ? chain.get(next) : providers.offline();
                round--;
                continue;
            }
            if (!provider.offline()) {
                paid = true;
                record(turn, provider, response);
            }
            AssistantMessage output = response.getResult().getOutput();
            if (!output.hasToolCalls()) {
                return new Answer(text(output), outcomes, paid, notes);
            }
            if (round >= settings.maxToolRounds()) {
                notes.add("I stopped after " + settings.maxToolRounds() + " rounds of tool calls.");
                return new Answer(text(output), outcomes, paid, notes);
            }
            conversation.add(output);
            List<ToolResponseMessage.ToolResponse> responses = new ArrayList<>();
            for (AssistantMessage.ToolCall call : output.getToolCalls()) {
                ToolGate.Outcome outcome = gate.call(call.name(), call.arguments(), turn.caller());
                outcomes.add(outcome);
                responses.add(new ToolResponseMessage.ToolResponse(call.id(), call.name(), outcome.response()));
            }
            conversation.add(ToolResponseMessage.builder().responses(responses).build());
        }
    }

    private ChatResponse callWithRetries(
            Provider provider, Prompt prompt, @Nullable Consumer<String> live, Instant deadline) {
        for (int attempt = 0; ; attempt++) {
            try {
                return live == null || provider.offline()
                        ? provider.chatModel().call(prompt)
                        : StreamedAnswer.read(provider.chatModel(), prompt, live);
            } catch (RuntimeException failure) {
                Duration pause = backoff(attempt);
                if (provider.offline()
                        || attempt >= settings.retries()
                        || !ProviderFailures.retryable(failure)
                        || !fits(deadline, pause)) {
                    throw failure;
                }
                sleep(pause);
            }
        }
    }

    /** Whether a call that may take the whole provider timeout, after {@code pause}, still ends before the deadline. */
    private boolean fits(Instant deadline, Duration pause) {
        return !clock.instant().plus(pause).plus(settings.timeout()).isAfter(deadline);
    }

    /** base x 2^attempt, spread by +-50% so that many callers do not retry in step. */
    private Duration backoff(int attempt) {
        long base = settings.backoff().toMillis() << Math.min(attempt, 10);
        return Duration.ofMillis(
                (long) (base * (0.5 + ThreadLocalRandom.current().nextDouble())));
    }

    private boolean overBudget(Turn turn, BigDecimal monthlyBudget) {
        return monthlyBudget.signum() > 0
                && ledger.monthCost(turn.caller().actor().tenantId(), turn.utcDay())
                                .compareTo(monthlyBudget)
                        >= 0;
    }

    /** The offline model costs nothing and is not a provider call: it leaves no usage row. */
    private void record(Turn turn, Provider provider, ChatResponse response) {
        Usage usage =
                response.getMetadata() == null ? null : response.getMetadata().getUsage();
        int promptTokens = usage == null || usage.getPromptTokens() == null ? 0 : usage.getPromptTokens();
        int completionTokens = usage == null || usage.getCompletionTokens() == null ? 0 : usage.getCompletionTokens();
        ledger.recordCall(
                turn.caller().actor(),
                turn.bot(),
                provider,
                promptTokens,
                completionTokens,
                pricing.cost(provider.model(), promptTokens, completionTokens));
    }

    private static String text(AssistantMessage output) {
        return output.getText() == null ? "" : output.getText().strip();
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry", e);
        }
    }
}
