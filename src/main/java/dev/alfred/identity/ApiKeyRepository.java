package dev.alfred.identity;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface ApiKeyRepository extends CrudRepository<ApiKeyRow, UUID> {

    Optional<ApiKeyRow> findBySecretHash(String secretHash);

    Optional<ApiKeyRow> findByIdAndTenantId(UUID id, UUID tenantId);

    List<ApiKeyRow> findByTenantIdOrderByCreatedAt(UUID tenantId);

    @Query("UPDATE api_key SET revoked_at = :at WHERE id = :id AND revoked_at IS NULL")
    void revoke(UUID id, Instant at);

    // Written at most once a minute per key so that authenticating stays a read.
    @Query("UPDATE api_key SET last_used_at = :at WHERE id = :id"
            + " AND (last_used_at IS NULL OR last_used_at < CAST(:at AS timestamptz) - interval '1 minute')")
    void touch(UUID id, Instant at);
}
