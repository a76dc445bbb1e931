package dev.alfred.assistant;

import dev.alfred.bot.Bot;
import dev.alfred.bot.BotRegistry;
import dev.alfred.channel.Reply;
import dev.alfred.conversation.CommandContext;
import dev.alfred.conversation.Drafts;
import dev.alfred.conversation.FreeTextResponder;
import dev.alfred.conversation.History;
import dev.alfred.identity.Actor;
import dev.alfred.identity.TenantService;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.UserMessage;

/**
 * Answers free text: checks the person's daily limit, builds the prompt (persona, tenant prompt,
 * who is asking, the last messages), serves an identical earlier answer from the cache, else runs
 * the turn through the provider chain, and shows what the tools produced (cards, files) and what
 * Alfred must say itself (refusals, budget) whatever the model wrote.
 */
@Singleton
class Assistant implements FreeTextResponder {

    private final AssistantSettings settings;
    private final BotRegistry bots;
    private final TenantService tenants;
    private final TenantAssistantStore tenantSettings;
    private final SystemPrompt systemPrompt;
    private final History history;
    private final ToolRegistry tools;
    private final ModelProviders providers;
    private final ProviderChain chain;
    private final UsageLedger ledger;
    private final ResponseCache cache;
    private final DataVersions dataVersions;
    private final CostAlerts costAlerts;
    private final Drafts drafts;
    private final Clock clock;

    Assistant(
            AssistantSettings settings,
            BotRegistry bots,
            TenantService tenants,
            TenantAssistantStore tenantSettings,
            SystemPrompt systemPrompt,
            History history,
            ToolRegistry tools,
            ModelProviders providers,
            ProviderChain chain,
            UsageLedger ledger,
            ResponseCache cache,
            DataVersions dataVersions,
            CostAlerts costAlerts,
            Drafts drafts,
            Clock clock) {
        this.drafts = drafts;
        this.settings = settings;
        this.bots = bots;
        this.tenants = tenants;
        this.tenantSettings = tenantSettings;
        this.systemPrompt = systemPrompt;
        this.history = history;
        this.tools = tools;
        this.providers = providers;
        this.chain = chain;
        this.ledger = ledger;
        this.cache = cache;
        this.dataVersions = dataVersions;
        this.costAlerts = costAlerts;
        this.clock = clock;
    }

    @Override
    public Reply respond(CommandContext context) {
        Actor actor = context.actor();
        ZoneId zone = zone(actor.timezone());
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(zone));
        int limit = settings.dailyMessagesFor(actor.role().key());
        if (ledger.turnsToday(actor, zone, now.toInstant()) >= limit) {
            return Reply.text("You have used your " + limit + " assistant messages for today; more tomorrow."
                    + " Commands still work: send /help.");
        }
        ledger.recordTurn(actor);

        Bot bot = bots.get(context.event().bot());
        TenantAssistant own = tenantSettings.get(actor.tenantId());
        String tenantName = tenants.get(actor.tenantId()).name();
        String system = systemPrompt.render(bot, tenantName, own.prompt(), actor, now);
        List<AssistantTool<?>> offered = tools.offeredTo(actor);
        List<Message> messages = messages(system, context);

        // The key sees the date, not the minute, so that the same question hits all day.
        List<String> keyParts = new ArrayList<>();
        keyParts.add(systemPrompt.render(bot, tenantName, own.prompt(), actor, now.truncatedTo(ChronoUnit.DAYS)));
        messages.stream().skip(1).forEach(message -> keyParts.add(message.getMessageType() + ":" + message.getText()));
        offered.forEach(tool -> keyParts.add("tool:" + tool.name()));
        String key = ResponseCache.key(actor.tenantId(), keyParts, dataVersions.current(actor.tenantId()));
        Optional<Reply> cached = cache.find(actor.tenantId(), key);
        if (cached.isPresent()) {
            return cached.get();
        }

        Consumer<String> live = drafts.open(context.event())
                .<Consumer<String>>map(draft -> draft::show)
                .orElse(null);
        Turn turn = new Turn(new ToolCaller(actor, zone), bot.id(), now, messages, offered, live);
        ProviderChain.Answer answer = chain.answer(
                turn,
                providers.chain(chainOf(bot, own)),
                own.monthlyBudgetUsd() != null ? own.monthlyBudgetUsd() : settings.monthlyBudgetUsd());
        if (answer.paid()) {
            costAlerts.check(
                    actor.tenantId(),
                    turn.utcDay(),
                    own.dailyAlertUsd() != null ? own.dailyAlertUsd() : settings.dailyAlertUsd());
        }

        Reply reply = reply(answer);
        boolean changedNothing = answer.outcomes().stream()
                .allMatch(outcome -> outcome.result() == null
                        || tools.find(outcome.tool())
                                .map(AssistantTool::readOnly)
                                .orElse(false));
        if (changedNothing && answer.outcomes().stream().allMatch(outcome -> outcome.notice() == null)) {
            cache.store(actor.tenantId(), key, reply);
        }
        return reply;
    }

    private List<Message> messages(String system, CommandContext context) {
        List<Message> messages = new ArrayList<>();
        messages.add(new SystemMessage(system));
        for (History.Message earlier : history.recent(context.conversationId(), settings.historyMessages())) {
            messages.add(
                    earlier.role().equals("user")
                            ? new UserMessage(earlier.text())
                            : new AssistantMessage(earlier.text()));
        }
        messages.add(new UserMessage(context.args()));
        return messages;
    }

    private String chainOf(Bot bot, TenantAssistant own) {
        if (own.chain() != null) {
            return own.chain();
        }
        return bot.chain() != null ? bot.chain() : settings.chain();
    }

    /** Alfred's own notices first, then the model's words, then the first card and attachment the tools made. */
    private static Reply reply(ProviderChain.Answer answer) {
        List<String> parts = new ArrayList<>();
        answer.outcomes().stream()
                .map(ToolGate.Outcome::notice)
                .filter(notice -> notice != null)
                .distinct()
                .forEach(parts::add);
        if (!answer.text().isBlank()) {
            parts.add(answer.text());
        }
        parts.addAll(answer.notes());
        Reply reply = Reply.text(parts.isEmpty() ? "Done." : String.join("\n\n", parts));
        for (ToolGate.Outcome outcome : answer.outcomes()) {
            if (outcome.result() != null && outcome.result().card() != null && reply.card() == null) {
                reply = reply.withCard(outcome.result().card());
            }
            if (outcome.result() != null && outcome.result().attachment() != null && reply.attachment() == null) {
                reply = reply.withAttachment(outcome.result().attachment());
            }
        }
        return reply;
    }

    private static ZoneId zone(String timezone) {
        try {
            return ZoneId.of(timezone);
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }
}
