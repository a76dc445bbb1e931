/**
 * The admin REST API under {@code /api/v1}: thin controllers over the feature services.
 *
 * <p>Every request carries {@code Authorization: Bearer <API key or JWT>}; {@link BearerAuthentication}
 * turns it into the {@link dev.alfred.identity.Actor} that each controller receives, and each
 * endpoint asks the permission core for an {@code admin.*} feature before it acts. Everything is
 * scoped to the caller's tenant. Errors are {@code {"error", "detail"}} JSON with a 4xx status for
 * anything the client sent; a 5xx never carries internals.
 */
@NullMarked
package dev.alfred.admin;

import org.jspecify.annotations.NullMarked;
