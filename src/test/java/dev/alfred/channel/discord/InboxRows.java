package dev.alfred.channel.discord;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/** Reads the test instance's {@code inbox} table directly, to see what was (not) stored. */
final class InboxRows {

    private final Map<String, String> properties;

    InboxRows(Map<String, String> properties) {
        this.properties = properties;
    }

    long count() {
        return query("SELECT count(*) FROM inbox", statement -> {
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }

    /** The statuses of the outbox rows answering a Discord event, e.g. {@code [sent]} or {@code [dead]}. */
    java.util.List<String> outbox(String eventId) {
        return query(
                "SELECT o.status FROM outbox o JOIN inbox i ON i.id = o.inbox_id"
                        + " WHERE i.channel = 'discord' AND i.event_id = ? ORDER BY o.id",
                statement -> {
                    statement.setString(1, eventId);
                    java.util.List<String> statuses = new java.util.ArrayList<>();
                    try (ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            statuses.add(rows.getString(1));
                        }
                    }
                    return statuses;
                });
    }

    /** The row stored for a Discord event id (empty map if none). */
    Map<String, String> row(String eventId) {
        return query(
                "SELECT kind, text, chat, workspace, platform_user_id, reply_address::text AS address FROM inbox"
                        + " WHERE channel = 'discord' AND event_id = ?",
                statement -> {
                    statement.setString(1, eventId);
                    Map<String, String> row = new HashMap<>();
                    try (ResultSet rows = statement.executeQuery()) {
                        if (rows.next()) {
                            for (String column :
                                    new String[] {"kind", "text", "chat", "workspace", "platform_user_id", "address"}) {
                                String value = rows.getString(column);
                                if (value != null) {
                                    row.put(column, value);
                                }
                            }
                        }
                    }
                    return row;
                });
    }

    private interface Query<T> {
        T run(PreparedStatement statement) throws SQLException;
    }

    private <T> T query(String sql, Query<T> query) {
        try (Connection connection = DriverManager.getConnection(
                        properties.get("datasources.default.url"),
                        properties.get("datasources.default.username"),
                        properties.get("datasources.default.password"));
                PreparedStatement statement = connection.prepareStatement(sql)) {
            return query.run(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
