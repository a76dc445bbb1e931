package dev.alfred.identity;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A person of a tenant. Only active users can authenticate or talk to Alfred. */
@Serdeable
@MappedEntity("app_user")
public record User(
        @Id UUID id,
        UUID tenantId,
        String name,
        @Nullable String email,

        @TypeDef(type = DataType.STRING, converter = RoleConverter.class) @MappedProperty("role")
        Role role,

        @Nullable String department,
        String timezone,
        @Nullable String tier,
        boolean active,
        Instant createdAt) {

    /** This user as the subject of permission checks and the author of changes. */
    public Actor asActor() {
        return new Actor(id, tenantId, name, role, timezone);
    }
}
