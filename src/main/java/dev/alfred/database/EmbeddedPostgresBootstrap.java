package dev.alfred.database;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanInitializedEventListener;
import io.micronaut.context.event.BeanInitializingEvent;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Points the default datasource at PostgreSQL before the pool starts: an external server when
 * {@code DATABASE_URL} is set (a JDBC URL, or a {@code postgres://user:pass@host/db} URL), else an
 * embedded server on {@code alfred.embedded-db.data-dir}.
 */
@Singleton
final class EmbeddedPostgresBootstrap implements BeanInitializedEventListener<DatasourceConfiguration> {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresBootstrap.class);

    private final Path dataDir;
    private @Nullable EmbeddedPostgres server;

    EmbeddedPostgresBootstrap(@Value("${alfred.embedded-db.data-dir:./data/postgres}") String dataDir) {
        this.dataDir = Path.of(dataDir).toAbsolutePath().normalize();
    }

    @Override
    public DatasourceConfiguration onInitialized(BeanInitializingEvent<DatasourceConfiguration> event) {
        DatasourceConfiguration config = event.getBean();
        String url = config.getConfiguredUrl();
        if (url != null && !url.isBlank()) {
            DatabaseUrl.parse(url, config.getConfiguredUsername(), config.getConfiguredPassword())
                    .applyTo(config);
            return config;
        }
        EmbeddedPostgres started = start();
        config.setUrl(started.getJdbcUrl("postgres", "postgres"));
        config.setUsername("postgres");
        config.setPassword("postgres");
        return config;
    }

    private synchronized EmbeddedPostgres start() {
        if (server != null) {
            return server;
        }
        long began = System.nanoTime();
        try {
            Files.createDirectories(dataDir);
            server = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    // The library starts PostgreSQL with fsync and synchronous commit off, made for tests.
                    // Alfred acknowledges a message once its insert commits, so that commit must be on disk.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    // Stopped by stop() once everything that uses it (pool, jobs) has shut down; a
                    // shutdown hook of its own would race those on SIGTERM.
                    .setRegisterShutdownHook(false)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL in " + dataDir, e);
        }
        LOG.info(
                "Embedded PostgreSQL started on port {} with data in {} ({} ms)",
                server.getPort(),
                dataDir,
                Duration.ofNanos(System.nanoTime() - began).toMillis());
        return server;
    }

    @PreDestroy
    synchronized void stop() throws IOException {
        if (server != null) {
            server.close();
            server = null;
            LOG.info("Embedded PostgreSQL stopped");
        }
    }
}
