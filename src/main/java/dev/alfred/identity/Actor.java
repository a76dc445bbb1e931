package dev.alfred.identity;

import java.util.UUID;

/**
 * The authenticated user behind a request or a chat message: whose tenant scopes every query and
 * whose role and overrides the permission core decides on.
 */
public record Actor(UUID userId, UUID tenantId, String name, Role role, String timezone) {}
