/**
 * Business metrics: the tenant's subscriptions, expenses, projects and strategic figures, synced
 * from a Google Sheet (or imported as CSV), turned into exact SaaS metrics per calendar month by one
 * SQL statement in PostgreSQL, and answered in chat, by the assistant's tools and over the admin API.
 *
 * <p>Every metric has its own view feature ({@code metrics.<key>.view}), checked per lookup. A sync
 * or an import replaces the tenant's data of a tab atomically and recomputes the whole history; a
 * value entered by hand wins over the computed one, and history keeps both.
 */
@NullMarked
package dev.alfred.metrics;

import org.jspecify.annotations.NullMarked;
