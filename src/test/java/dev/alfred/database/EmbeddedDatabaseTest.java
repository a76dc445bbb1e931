package dev.alfred.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Alfred with no DATABASE_URL: its own PostgreSQL, whose data outlives a restart and which stops with it. */
class EmbeddedDatabaseTest {

    @TempDir
    Path dataDir;

    @Test
    void starts_embedded_postgres_keeps_data_across_a_restart_and_stops_with_alfred() throws Exception {
        int port;
        try (ApplicationContext first = start()) {
            assertThat(Files.exists(dataDir.resolve("PG_VERSION"))).isTrue();
            assertThat(query(first, "SELECT version()")).startsWith("PostgreSQL 17");
            assertThat(query(first, "SELECT count(*) FROM tenant")).isEqualTo("1");
            execute(first, "UPDATE tenant SET name = 'Kept across restarts'");
            port = Integer.parseInt(query(first, "SELECT current_setting('port')"));
            // an acknowledged message is on disk, not only in PostgreSQL's memory
            assertThat(query(first, "SELECT current_setting('fsync')")).isEqualTo("on");
            assertThat(query(first, "SELECT current_setting('synchronous_commit')"))
                    .isEqualTo("on");
        }
        assertThatThrownBy(() -> new Socket("localhost", port).close()).isInstanceOf(java.io.IOException.class);

        try (ApplicationContext second = start()) {
            assertThat(query(second, "SELECT name FROM tenant")).isEqualTo("Kept across restarts");
            assertThat(query(second, "SELECT count(*) FROM tenant")).isEqualTo("1");
        }
    }

    @Test
    void a_database_url_that_is_not_postgresql_is_refused_with_a_clear_message() {
        assertThatThrownBy(() -> ApplicationContext.run(Map.of(
                        "datasources.default.url",
                        "mysql://localhost/alfred",
                        "alfred.embedded-db.data-dir",
                        dataDir.toString())))
                .hasStackTraceContaining("DATABASE_URL must be a PostgreSQL JDBC URL");
    }

    @Test
    void a_postgres_url_with_credentials_becomes_a_jdbc_url() {
        DatabaseUrl url =
                DatabaseUrl.parse("postgres://alfred:s%40cret@db.internal:6543/alfred?sslmode=require", null, null);
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:6543/alfred?sslmode=require");
        assertThat(url.username()).isEqualTo("alfred");
        assertThat(url.password()).isEqualTo("s@cret");
    }

    private ApplicationContext start() {
        return ApplicationContext.run(Map.of(
                "alfred.embedded-db.data-dir", dataDir.toString(),
                "datasources.default.url", "",
                "micronaut.server.port", "-1"));
    }

    private static String query(ApplicationContext context, String sql) {
        JdbcOperations jdbc = context.getBean(JdbcOperations.class);
        @SuppressWarnings("unchecked")
        TransactionOperations<Connection> tx = context.getBean(TransactionOperations.class);
        return tx.executeRead(status -> jdbc.prepareStatement(sql, statement -> {
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        }));
    }

    private static void execute(ApplicationContext context, String sql) {
        JdbcOperations jdbc = context.getBean(JdbcOperations.class);
        @SuppressWarnings("unchecked")
        TransactionOperations<Connection> tx = context.getBean(TransactionOperations.class);
        tx.executeWrite(status -> jdbc.prepareStatement(sql, statement -> statement.executeUpdate()));
    }
}
