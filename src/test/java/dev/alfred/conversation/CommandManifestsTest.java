package dev.alfred.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alfred.bot.Bot;
import dev.alfred.bot.BotRegistry;
import dev.alfred.testing.AlfredProperties;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Fails when a bot's checked-in command manifests differ from what the catalogue generates.
 * Regenerate them with {@code ./mvnw test -Dtest=CommandManifestsTest -Dalfred.manifests.write=true}.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommandManifestsTest implements TestPropertyProvider {

    @Inject
    BotRegistry bots;

    @Inject
    CommandManifests manifests;

    @Override
    public Map<String, String> getProperties() {
        return AlfredProperties.fresh();
    }

    @Test
    void checked_in_manifests_match_the_command_catalogue() throws IOException {
        boolean write = Boolean.getBoolean("alfred.manifests.write");
        for (Bot bot : bots.all()) {
            for (Map.Entry<String, String> file : manifests.render(bot).entrySet()) {
                Path path = Path.of("bots", bot.id(), file.getKey());
                if (write) {
                    Files.writeString(path, file.getValue());
                }
                assertThat(path)
                        .as("%s is missing; regenerate the manifests", path)
                        .exists();
                assertThat(Files.readString(path))
                        .as("%s is stale; regenerate with -Dalfred.manifests.write=true", path)
                        .isEqualTo(file.getValue());
            }
        }
    }

    @Test
    void every_manifest_names_every_command() {
        Map<String, String> files = manifests.render(bots.get("alfred"));
        assertThat(files).containsOnlyKeys("telegram-commands.json", "discord-commands.json", "slack-manifest.yml");
        for (String command : new String[] {"help", "link", "whoami", "reset"}) {
            assertThat(files.get("telegram-commands.json")).contains("\"command\": \"" + command + "\"");
            assertThat(files.get("discord-commands.json")).contains("\"name\": \"" + command + "\"");
            assertThat(files.get("slack-manifest.yml")).contains(command);
        }
        assertThat(files.get("discord-commands.json")).contains("\"name\": \"code\"");
        assertThat(files.get("slack-manifest.yml")).contains("command: /alfred");
    }
}
