package dev.alfred.assistant;

import dev.alfred.bot.Bot;
import dev.alfred.identity.Actor;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The system prompt of a turn: the bot's persona ({@code config/prompts/<bot>.md}), the tenant's
 * own prompt (stored in the database, else {@code config/prompts/tenant.md} when it exists), and
 * who is asking: name, role, time zone, today's date and time.
 */
@Singleton
class SystemPrompt {

    private static final DateTimeFormatter TODAY =
            DateTimeFormatter.ofPattern("EEEE d MMMM uuuu, HH:mm", Locale.ENGLISH);

    private final Path configDir;
    private final Map<Path, String> files = new ConcurrentHashMap<>();

    SystemPrompt(@Value("${alfred.config-dir:config}") String configDir) {
        this.configDir = Path.of(configDir);
    }

    String render(Bot bot, String tenantName, @Nullable String tenantPrompt, Actor actor, ZonedDateTime now) {
        StringBuilder prompt = new StringBuilder(
                file(bot.persona()).replace("{{tenant}}", tenantName).strip());
        String ownPrompt = tenantPrompt != null ? tenantPrompt : file("prompts/tenant.md");
        if (!ownPrompt.isBlank()) {
            prompt.append("\n\n").append(ownPrompt.strip());
        }
        prompt.append("\n\nYou are talking to ")
                .append(actor.name())
                .append(" (role: ")
                .append(actor.role().key())
                .append(", time zone: ")
                .append(now.getZone().getId())
                .append("). It is ")
                .append(TODAY.format(now))
                .append(" there. Pass date-times to tools as ISO-8601 in that time zone.");
        return prompt.toString();
    }

    private String file(String relative) {
        return files.computeIfAbsent(configDir.resolve(relative), path -> {
            try {
                return Files.exists(path) ? Files.readString(path) : "";
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
