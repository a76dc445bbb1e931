package dev.alfred.bot;

import dev.alfred.problem.Problem;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Every bot under {@code alfred.bots-dir}, read at start. */
@Context
public class BotRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(BotRegistry.class);

    private final Map<String, Bot> bots;

    BotRegistry(@Value("${alfred.bots-dir:bots}") String botsDir, SecretSource secrets) {
        this.bots = read(Path.of(botsDir), secrets);
        LOG.info("Bots: {}", bots.keySet());
    }

    public List<Bot> all() {
        return List.copyOf(bots.values());
    }

    /** The bot with this folder name; an unknown one is not found. */
    public Bot get(String id) {
        Bot bot = bots.get(id);
        if (bot == null) {
            throw Problem.notFound("bot", id);
        }
        return bot;
    }

    private static Map<String, Bot> read(Path dir, SecretSource secrets) {
        Map<String, Bot> bots = new LinkedHashMap<>();
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("no bots directory at " + dir.toAbsolutePath() + " (alfred.bots-dir)");
        }
        try (Stream<Path> folders = Files.list(dir)) {
            for (Path file : folders.map(f -> f.resolve("bot.yml"))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList()) {
                Bot bot = parse(file.getParent().getFileName().toString(), file, secrets);
                bots.put(bot.id(), bot);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bots from " + dir.toAbsolutePath(), e);
        }
        return bots;
    }

    private static Bot parse(String id, Path file, SecretSource secrets) throws IOException {
        Map<String, Object> yaml;
        try (Reader reader = Files.newBufferedReader(file)) {
            yaml = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        }
        if (yaml == null || yaml.get("tenant") == null) {
            throw new IllegalStateException(file + " needs at least 'tenant'");
        }
        Map<String, Map<String, String>> values = new HashMap<>();
        Map<String, Map<String, String>> variables = new HashMap<>();
        if (yaml.get("channels") instanceof Map<?, ?> channels) {
            channels.forEach((channel, spec) -> {
                Map<String, String> named = new HashMap<>();
                Map<String, String> resolved = new HashMap<>();
                if (spec instanceof Map<?, ?> entries) {
                    entries.forEach((key, variable) -> {
                        named.put(key.toString(), variable.toString());
                        secrets.get(variable.toString()).ifPresent(v -> resolved.put(key.toString(), v));
                    });
                }
                variables.put(channel.toString(), named);
                values.put(channel.toString(), resolved);
            });
        }
        List<String> features = new ArrayList<>();
        if (yaml.get("features") instanceof List<?> list) {
            list.forEach(f -> features.add(f.toString()));
        }
        return new Bot(
                id,
                String.valueOf(yaml.getOrDefault("name", id)),
                yaml.get("tenant").toString(),
                String.valueOf(yaml.getOrDefault("persona", "prompts/" + id + ".md")),
                yaml.get("chain") == null ? null : yaml.get("chain").toString(),
                Set.copyOf(features),
                values,
                variables);
    }
}
