/**
 * Who is talking to Alfred: tenants, their users and roles, the platform accounts linked to users,
 * one-time link codes and admin API keys.
 *
 * <p>Every lookup is scoped by tenant: an id that belongs to another tenant is reported as not
 * found, never returned. API keys and link codes are stored as SHA-256 hashes; the secret is shown
 * once, when it is created. On first start with an empty database {@link Bootstrap} creates the
 * {@code default} tenant, its {@code ceo} owner and the owner's API key.
 */
@NullMarked
package dev.alfred.identity;

import org.jspecify.annotations.NullMarked;
