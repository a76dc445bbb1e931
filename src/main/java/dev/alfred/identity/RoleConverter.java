package dev.alfred.identity;

import io.micronaut.core.convert.ConversionContext;
import io.micronaut.data.model.runtime.convert.AttributeConverter;
import jakarta.inject.Singleton;
import org.jspecify.annotations.Nullable;

/** Stores a {@link Role} by its lower-case key, as the database constraint expects. */
@Singleton
final class RoleConverter implements AttributeConverter<Role, String> {

    @Override
    public @Nullable String convertToPersistedValue(@Nullable Role role, ConversionContext context) {
        return role == null ? null : role.key();
    }

    @Override
    public @Nullable Role convertToEntityValue(@Nullable String key, ConversionContext context) {
        return key == null ? null : Role.of(key);
    }
}
