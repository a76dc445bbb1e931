package dev.alfred.assistant;

import dev.alfred.bot.Bot;
import dev.alfred.bot.BotRegistry;
import dev.alfred.problem.Problem;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ai.anthropic.AnthropicChatModel;
import org.springframework.ai.anthropic.AnthropicChatOptions;
import org.springframework.ai.ollama.OllamaChatModel;
import org.springframework.ai.ollama.api.OllamaApi;
import org.springframework.ai.ollama.api.OllamaChatOptions;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;

/**
 * Turns chain entries ({@code openai:gpt-4o-mini}, {@code anthropic:claude-haiku-4-5},
 * {@code ollama:llama3.2}, {@code offline}) into Spring AI models, once each. An entry whose key
 * or URL is missing is left out with one clear log line, never a failed start; the offline model
 * ends every chain. The SDKs' own retries are off: Alfred retries (see {@link ProviderChain}).
 */
@Singleton
class ModelProviders {

    static final String OFFLINE = "offline";
    private static final Logger LOG = LoggerFactory.getLogger(ModelProviders.class);
    private static final Map<String, String> DEFAULT_MODELS =
            Map.of("openai", "gpt-4o-mini", "anthropic", "claude-haiku-4-5", "ollama", "llama3.2");

    private final Map<String, Optional<Provider>> built = new ConcurrentHashMap<>();
    private final Provider offline;
    private final String openAiKey;
    private final String openAiUrl;
    private final String anthropicKey;
    private final String anthropicUrl;
    private final String ollamaUrl;
    private final Duration timeout;
    private final AssistantSettings settings;
    private final BotRegistry bots;

    ModelProviders(
            OfflineModelFactory offlineModel,
            AssistantSettings settings,
            BotRegistry bots,
            @Value("${alfred.assistant.openai.api-key:}") String openAiKey,
            @Value("${alfred.assistant.openai.base-url:`https://api.openai.com/v1`}") String openAiUrl,
            @Value("${alfred.assistant.anthropic.api-key:}") String anthropicKey,
            @Value("${alfred.assistant.anthropic.base-url:`https://api.anthropic.com`}") String anthropicUrl,
            @Value("${alfred.assistant.ollama.base-url:`http://localhost:11434`}") String ollamaUrl) {
        this.offline = new Provider(OFFLINE, OFFLINE, offlineModel.model(), OfflineOptions::of);
        this.openAiKey = openAiKey;
        this.openAiUrl = openAiUrl;
        this.anthropicKey = anthropicKey;
        this.anthropicUrl = anthropicUrl;
        this.ollamaUrl = ollamaUrl;
        this.timeout = settings.timeout();
        this.settings = settings;
        this.bots = bots;
    }

    /** Builds the deployment's and every bot's chain at start, so that a missing key is logged then. */
    @EventListener
    void onStartup(StartupEvent event) {
        chain(settings.chain());
        bots.all().stream().map(Bot::chain).filter(Objects::nonNull).forEach(this::chain);
    }

    /** The usable providers of a chain such as {@code "openai:gpt-4o-mini, offline"}, always ending with offline. */
    List<Provider> chain(String chain) {
        List<Provider> providers = new ArrayList<>();
        for (String entry : chain.split(",")) {
            String spec = entry.trim();
            if (!spec.isEmpty() && !spec.equals(OFFLINE)) {
                built.computeIfAbsent(spec, this::build).ifPresent(providers::add);
            }
        }
        providers.add(offline);
        return providers;
    }

    Provider offline() {
        return offline;
    }

    /** Checks a chain a person typed: every entry must name a known provider. */
    static void validate(String chain) {
        for (String entry : chain.split(",")) {
            String kind = entry.trim().split(":", 2)[0];
            if (!kind.isEmpty() && !kind.equals(OFFLINE) && !DEFAULT_MODELS.containsKey(kind)) {
                throw Problem.invalid(
                        "unknown provider " + kind + " in the chain; use openai, anthropic, ollama or offline");
            }
        }
    }

    private Optional<Provider> build(String spec) {
        String[] parts = spec.split(":", 2);
        String kind = parts[0];
        if (!DEFAULT_MODELS.containsKey(kind)) {
            LOG.warn(
                    "Unknown provider {} in chain entry {}: left out (use openai, anthropic, ollama, offline)",
                    kind,
                    spec);
            return Optional.empty();
        }
        String model = parts.length > 1 && !parts[1].isBlank() ? parts[1].trim() : DEFAULT_MODELS.get(kind);
        return switch (kind) {
            case "openai" -> openAi(model);
            case "anthropic" -> anthropic(model);
            default -> Optional.of(ollama(model));
        };
    }

    private Optional<Provider> openAi(String model) {
        boolean ownServer = !openAiUrl.startsWith("https://api.openai.com");
        if (openAiKey.isBlank() && !ownServer) {
            LOG.warn(
                    "Chain entry openai:{} is left out: set OPENAI_API_KEY (or OPENAI_BASE_URL for an"
                            + " OpenAI-compatible server)",
                    model);
            return Optional.empty();
        }
        OpenAiChatOptions defaults = OpenAiChatOptions.builder()
                .baseUrl(openAiUrl)
                .apiKey(openAiKey.isBlank() ? "none" : openAiKey)
                .model(model)
                .maxRetries(0)
                .timeout(timeout)
                .build();
        OpenAiChatModel chatModel = OpenAiChatModel.builder().options(defaults).build();
        return Optional.of(new Provider(
                "openai",
                model,
                chatModel,
                (tools, context) -> OpenAiChatOptions.builder()
                        .baseUrl(openAiUrl)
                        .apiKey(openAiKey.isBlank() ? "none" : openAiKey)
                        .model(model)
                        .maxRetries(0)
                        .timeout(timeout)
                        .streamUsage(true)
                        .toolCallbacks(tools)
                        .toolContext(context)
                        .build()));
    }

    private Optional<Provider> anthropic(String model) {
        if (anthropicKey.isBlank()) {
            LOG.warn("Chain entry anthropic:{} is left out: set ANTHROPIC_API_KEY", model);
            return Optional.empty();
        }
        AnthropicChatModel chatModel = AnthropicChatModel.builder()
                .options(anthropicOptions(model).build())
                .build();
        return Optional.of(new Provider(
                "anthropic",
                model,
                chatModel,
                (tools, context) -> anthropicOptions(model)
                        .toolCallbacks(tools)
                        .toolContext(context)
                        .build()));
    }

    private AnthropicChatOptions.Builder anthropicOptions(String model) {
        return AnthropicChatOptions.builder()
                .baseUrl(anthropicUrl)
                .apiKey(anthropicKey)
                .model(model)
                .maxTokens(1024)
                .maxRetries(0)
                .timeout(timeout);
    }

    private Provider ollama(String model) {
        OllamaChatModel chatModel = OllamaChatModel.builder()
                .ollamaApi(OllamaApi.builder().baseUrl(ollamaUrl).build())
                .options(OllamaChatOptions.builder().model(model).build())
                .retryTemplate(new RetryTemplate(RetryPolicy.withMaxRetries(0)))
                .build();
        return new Provider(
                "ollama",
                model,
                chatModel,
                (tools, context) -> OllamaChatOptions.builder()
                        .model(model)
                        .toolCallbacks(tools)
                        .toolContext(context)
                        .build());
    }
}
