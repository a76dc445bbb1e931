package dev.alfred.bot;

import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * Looks up the environment variables that {@code bot.yml} names. A configuration property of the
 * same name under {@code alfred.secrets} (e.g. {@code alfred.secrets.ALFRED_TELEGRAM_BOT_TOKEN})
 * stands in for the variable, so that tests and config files can provide secrets too.
 */
@Singleton
class SecretSource {

    private final Environment environment;

    SecretSource(Environment environment) {
        this.environment = environment;
    }

    Optional<String> get(String variable) {
        String value = System.getenv(variable);
        if (value == null || value.isBlank()) {
            value = environment
                    .getProperty("alfred.secrets." + variable, String.class)
                    .orElse(null);
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }
}
