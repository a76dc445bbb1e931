package dev.alfred.assistant;

import dev.alfred.channel.Reply;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Answers to identical prompts: the key hashes the tenant, the whole prompt (system prompt with the
 * person and the date, history, question, offered tools) and the tenant's data version; entries
 * live for {@code alfred.assistant.cache-ttl}. Only answers that changed nothing are stored.
 */
@Singleton
class ResponseCache {

    private final JdbcOperations jdbc;
    private final JsonMapper json;
    private final AssistantSettings settings;

    ResponseCache(JdbcOperations jdbc, JsonMapper json, AssistantSettings settings) {
        this.jdbc = jdbc;
        this.json = json;
        this.settings = settings;
    }

    static String key(UUID tenantId, List<String> promptParts, long dataVersion) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(tenantId.toString().getBytes(StandardCharsets.UTF_8));
            for (String part : promptParts) {
                digest.update((byte) 0);
                digest.update(part.getBytes(StandardCharsets.UTF_8));
            }
            digest.update((byte) 0);
            digest.update(Long.toString(dataVersion).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    Optional<Reply> find(UUID tenantId, String key) {
        return jdbc.prepareStatement("""
                SELECT reply::text FROM assistant_cache
                WHERE tenant_id = ? AND key = ? AND created_at > now() - make_interval(secs => ?)""", statement -> {
            statement.setObject(1, tenantId);
            statement.setString(2, key);
            statement.setDouble(3, settings.cacheTtl().toMillis() / 1000.0);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(read(row.getString(1))) : Optional.<Reply>empty();
            }
        });
    }

    void store(UUID tenantId, String key, Reply reply) {
        jdbc.prepareStatement("""
                INSERT INTO assistant_cache (tenant_id, key, reply) VALUES (?, ?, CAST(? AS jsonb))
                ON CONFLICT (tenant_id, key) DO UPDATE SET reply = excluded.reply, created_at = now()""", statement -> {
            statement.setObject(1, tenantId);
            statement.setString(2, key);
            statement.setString(3, write(reply));
            return statement.executeUpdate();
        });
    }

    /** Deletes the answers older than the cache lifetime; run by {@link CacheCleanup}. */
    int removeExpired() {
        return jdbc.prepareStatement(
                "DELETE FROM assistant_cache WHERE created_at <= now() - make_interval(secs => ?)", statement -> {
                    statement.setDouble(1, settings.cacheTtl().toMillis() / 1000.0);
                    return statement.executeUpdate();
                });
    }

    private Reply read(String text) {
        try {
            return json.readValue(text, Reply.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String write(Reply reply) {
        try {
            return json.writeValueAsString(reply);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
