/**
 * Where Alfred's data lives: an external PostgreSQL named by {@code DATABASE_URL}, or, when none is
 * configured, an embedded PostgreSQL 17 whose data directory survives restarts.
 *
 * <p>The embedded server is started before the connection pool is configured and stopped after it
 * is closed, so a SIGTERM shuts both down in order.
 */
@NullMarked
package dev.alfred.database;

import org.jspecify.annotations.NullMarked;
