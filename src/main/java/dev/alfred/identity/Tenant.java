package dev.alfred.identity;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.UUID;

/**
 * A company using Alfred. Its {@code slug} is how bots name it ({@code tenant: default}); the
 * {@code operator} tenant is the first one and may create others. Nothing here changes once the
 * tenant is created, which lets {@link TenantService#get} keep it.
 */
@Serdeable
@MappedEntity("tenant")
public record Tenant(
        @Id UUID id, String slug, String name, String timezone, String currency, boolean operator, Instant createdAt) {}
