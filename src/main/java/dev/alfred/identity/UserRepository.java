package dev.alfred.identity;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface UserRepository extends CrudRepository<User, UUID> {

    Optional<User> findByIdAndTenantId(UUID id, UUID tenantId);

    List<User> findByTenantIdOrderByName(UUID tenantId);

    @Query(
            "SELECT count(*) > 0 FROM app_user WHERE tenant_id = :tenantId AND lower(email) = lower(:email) AND id <> :id")
    boolean emailTaken(UUID tenantId, String email, UUID id);
}
