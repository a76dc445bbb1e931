package dev.alfred.assistant;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yaml.snakeyaml.Yaml;

/**
 * Model prices per million tokens from {@code config/pricing.yml}, by the model name the chain
 * configures (providers answer with dated names, which would never match a price list).
 */
@Singleton
class Pricing {

    private static final Logger LOG = LoggerFactory.getLogger(Pricing.class);
    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    private record Price(BigDecimal prompt, BigDecimal completion) {}

    private final Map<String, Price> prices = new HashMap<>();
    private final Set<String> unpriced = ConcurrentHashMap.newKeySet();

    Pricing(@Value("${alfred.config-dir:config}") String configDir) throws IOException {
        Path file = Path.of(configDir, "pricing.yml");
        if (!Files.exists(file)) {
            LOG.warn("{} is missing: every model costs 0", file);
            return;
        }
        try (Reader reader = Files.newBufferedReader(file)) {
            Map<String, Object> yaml = new Yaml().load(reader);
            if (yaml != null && yaml.get("models") instanceof Map<?, ?> models) {
                models.forEach((name, price) -> {
                    Map<?, ?> values = (Map<?, ?>) price;
                    prices.put(
                            name.toString(),
                            new Price(
                                    new BigDecimal(values.get("prompt").toString()),
                                    new BigDecimal(values.get("completion").toString())));
                });
            }
        }
    }

    /** The cost in US dollars of one call; an unlisted model costs 0 (logged once). */
    BigDecimal cost(String model, int promptTokens, int completionTokens) {
        Price price = prices.get(model);
        if (price == null) {
            if (unpriced.add(model)) {
                LOG.warn("No price for model {} in pricing.yml: its calls are recorded at 0", model);
            }
            return BigDecimal.ZERO;
        }
        return price.prompt()
                .multiply(BigDecimal.valueOf(promptTokens))
                .add(price.completion().multiply(BigDecimal.valueOf(completionTokens)))
                .divide(MILLION, 10, RoundingMode.HALF_UP);
    }
}
