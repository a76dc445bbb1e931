package dev.alfred.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL 17 server per test JVM (the same embedded server Alfred runs on), with a
 * fresh database for every application context, so that tests never see each other's rows.
 */
public final class TestDatabase {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;

    private TestDatabase() {}

    /** Properties that point Alfred's datasource at a new, empty database. */
    public static Map<String, String> freshDatabase() {
        return properties(create());
    }

    /** Properties for an existing database, e.g. for a second instance sharing the first one's data. */
    public static Map<String, String> properties(String jdbcUrl) {
        return Map.of(
                "datasources.default.url", jdbcUrl,
                "datasources.default.username", "postgres",
                "datasources.default.password", "postgres");
    }

    /** Creates an empty database and returns its JDBC URL. */
    public static synchronized String create() {
        String name = "alfred_test_" + DATABASES.incrementAndGet();
        try (Connection connection = server().getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database " + name, e);
        }
        return server.getJdbcUrl("postgres", name);
    }

    private static EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder()
                        .setServerConfig("max_connections", "300")
                        // As durable as Alfred's own embedded server, so that tests and benchmarks pay
                        // what a commit costs there.
                        .setServerConfig("fsync", "on")
                        .setServerConfig("synchronous_commit", "on")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return server;
    }
}
