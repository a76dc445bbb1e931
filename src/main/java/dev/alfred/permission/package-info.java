/**
 * The permission core: may this actor use this feature, and which rule said so.
 *
 * <p>Decision order, first match wins: (1) the {@code ceo} role may do everything in its tenant;
 * (2) a user override (grant or revoke) for the feature; (3) the role default, a tenant's own
 * setting before the one in {@code config/permissions.yml}; (4) the feature's system default. The
 * order itself is {@link PermissionRules}, a pure function; {@link PermissionService} feeds it a
 * cached snapshot of the tenant's settings. Every change bumps the tenant's permission version, so
 * this instance drops its copy at once and other instances notice within
 * {@code alfred.permissions.cache-ttl}.
 */
@NullMarked
package dev.alfred.permission;

import org.jspecify.annotations.NullMarked;
