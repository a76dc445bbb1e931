package dev.alfred.database;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/** A database location as operators write it: a JDBC URL, or the {@code postgres://} form many hosts hand out. */
record DatabaseUrl(
        String jdbcUrl, @Nullable String username, @Nullable String password) {

    static DatabaseUrl parse(String url, @Nullable String username, @Nullable String password) {
        String trimmed = url.strip();
        if (trimmed.startsWith("jdbc:postgresql:")) {
            return new DatabaseUrl(trimmed, username, password);
        }
        if (trimmed.startsWith("postgres://") || trimmed.startsWith("postgresql://")) {
            URI uri = URI.create(trimmed);
            String user = username;
            String pass = password;
            if (uri.getRawUserInfo() != null) {
                String[] parts = uri.getRawUserInfo().split(":", 2);
                user = decode(parts[0]);
                pass = parts.length > 1 ? decode(parts[1]) : pass;
            }
            String port = uri.getPort() > 0 ? ":" + uri.getPort() : "";
            String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
            return new DatabaseUrl("jdbc:postgresql://" + uri.getHost() + port + uri.getRawPath() + query, user, pass);
        }
        throw new IllegalArgumentException(
                "DATABASE_URL must be a PostgreSQL JDBC URL (jdbc:postgresql://host:5432/db) or postgres://user:pass@host/db");
    }

    void applyTo(DatasourceConfiguration config) {
        config.setUrl(jdbcUrl);
        if (username != null && !username.isBlank()) {
            config.setUsername(username);
        }
        if (password != null && !password.isBlank()) {
            config.setPassword(password);
        }
    }

    private static String decode(String part) {
        return URLDecoder.decode(part, StandardCharsets.UTF_8);
    }
}
