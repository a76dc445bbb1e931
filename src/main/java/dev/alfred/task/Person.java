package dev.alfred.task;

import java.time.ZoneId;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A user of the tenant as tasks and meetings need them: to name, notify and invite. */
public record Person(UUID id, String name, @Nullable String email, String timezone) {

    public ZoneId zone() {
        return ZoneId.of(timezone);
    }
}
