package dev.alfred.bot;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One bot: its folder name ({@code id}, used in webhook paths), display name, tenant slug,
 * persona prompt file, its own model chain (null: the tenant's or the deployment's), enabled
 * features, and per channel the secrets resolved from the environment variables its
 * {@code bot.yml} names (absent when unset).
 */
public record Bot(
        String id,
        String displayName,
        String tenant,
        String persona,
        @Nullable String chain,
        Set<String> features,
        Map<String, Map<String, String>> channelSecrets,
        Map<String, Map<String, String>> channelVariables) {

    public Bot {
        features = Set.copyOf(features);
        channelSecrets = Map.copyOf(channelSecrets);
        channelVariables = Map.copyOf(channelVariables);
    }

    /** Whether {@code bot.yml} configures this channel at all. */
    public boolean declares(String channel) {
        return channelVariables.containsKey(channel);
    }

    /** The value of a channel secret, e.g. {@code secret("telegram", "bot-token")}, if its variable is set. */
    public Optional<String> secret(String channel, String key) {
        return Optional.ofNullable(
                channelSecrets.getOrDefault(channel, Map.of()).get(key));
    }

    /** The environment variable {@code bot.yml} names for a secret, for messages that tell the operator what to set. */
    public String variable(String channel, String key) {
        return channelVariables.getOrDefault(channel, Map.of()).getOrDefault(key, "(not named in bot.yml)");
    }
}
