package dev.alfred.audit;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface AuditRepository extends CrudRepository<AuditEntry, Long> {

    @Query("""
            SELECT * FROM audit_log
            WHERE tenant_id = :tenantId
              AND (CAST(:targetUserId AS uuid) IS NULL OR target_user_id = :targetUserId)
              AND (CAST(:action AS text) IS NULL OR action = :action)
              AND at >= :from AND at < :to
            ORDER BY at DESC, id DESC
            LIMIT :limit""")
    List<AuditEntry> search(
            UUID tenantId, @Nullable UUID targetUserId, @Nullable String action, Instant from, Instant to, int limit);
}
