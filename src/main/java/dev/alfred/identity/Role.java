package dev.alfred.identity;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.alfred.problem.Problem;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The built-in roles. Their permission defaults live in {@code config/permissions.yml}. */
@Serdeable
public enum Role {
    CEO,
    ADMIN,
    MANAGER,
    EMPLOYEE,
    AGENT,
    CREATOR;

    /** The role's name as written in configuration, JSON and the database. */
    @JsonValue
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a role name; an unknown one is an {@link Problem.Kind#INVALID} problem naming the known roles. */
    @JsonCreator
    public static Role of(String key) {
        for (Role role : values()) {
            if (role.key().equals(key)) {
                return role;
            }
        }
        throw Problem.invalid("unknown role '" + key + "'; roles are " + names());
    }

    public static String names() {
        return Arrays.stream(values()).map(Role::key).collect(Collectors.joining(", "));
    }
}
