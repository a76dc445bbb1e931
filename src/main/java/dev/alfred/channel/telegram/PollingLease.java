package dev.alfred.channel.telegram;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The right to long poll one bot, held as a PostgreSQL session advisory lock on a connection of its
 * own: Telegram allows one {@code getUpdates} consumer per bot, and the lock picks one instance. If
 * the connection dies the server releases the lock and another instance takes over.
 */
final class PollingLease implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PollingLease.class);

    private final Connection connection;
    private final long key;

    private PollingLease(Connection connection, long key) {
        this.connection = connection;
        this.key = key;
    }

    /** The lease if no other instance holds it; empty otherwise. Throws if the database is unreachable. */
    static Optional<PollingLease> tryAcquire(DataSource dataSource, String bot) throws SQLException {
        long key = key(bot);
        Connection connection = dataSource.getConnection();
        try {
            connection.setAutoCommit(true);
            try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                lock.setLong(1, key);
                try (ResultSet row = lock.executeQuery()) {
                    if (row.next() && row.getBoolean(1)) {
                        return Optional.of(new PollingLease(connection, key));
                    }
                }
            }
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
        connection.close();
        return Optional.empty();
    }

    /** Whether the lock is still ours: its connection is alive. */
    boolean held() {
        try {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    /**
     * Unlocks and gives the connection back to the pool. A pooled connection outlives {@code close()},
     * so if unlocking fails the physical connection is aborted: that is what releases the lock then.
     */
    @Override
    public void close() {
        try (PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            unlock.setLong(1, key);
            unlock.execute();
        } catch (SQLException e) {
            LOG.debug("Unlocking the Telegram polling lock failed, aborting its connection: {}", e.toString());
            try {
                connection.abort(Runnable::run);
            } catch (SQLException | RuntimeException ignored) {
                // already gone: the server released the lock with the session
            }
        } finally {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // nothing left to release
            }
        }
    }

    /** A stable 64-bit key per bot, the same on every instance. */
    static long key(String bot) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(("alfred.telegram.polling:" + bot).getBytes(StandardCharsets.UTF_8));
            long key = 0;
            for (int i = 0; i < Long.BYTES; i++) {
                key = (key << 8) | (hash[i] & 0xff);
            }
            return key;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
