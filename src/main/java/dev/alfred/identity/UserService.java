package dev.alfred.identity;

import dev.alfred.audit.AuditLog;
import dev.alfred.problem.Problem;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Lists, creates and changes the users of a tenant. */
@Singleton
public class UserService {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final UserRepository users;
    private final AuditLog audit;
    private final Clock clock;

    UserService(UserRepository users, AuditLog audit, Clock clock) {
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    public List<User> list(UUID tenantId) {
        return users.findByTenantIdOrderByName(tenantId);
    }

    /** The user with this id in this tenant; another tenant's id is not found. */
    public User get(UUID tenantId, UUID userId) {
        return users.findByIdAndTenantId(userId, tenantId).orElseThrow(() -> Problem.notFound("user", userId));
    }

    /** A user by id alone, for callers that already hold a tenant-checked reference such as a link. */
    User getById(UUID userId) {
        return users.findById(userId).orElseThrow(() -> Problem.notFound("user", userId));
    }

    @Transactional
    public User create(Actor by, UserInput input) {
        User user = createIn(by.tenantId(), input, by.role());
        audit.record(
                new AuditLog.Change(by.tenantId(), by.userId(), "user.create", user.id(), null, null, summary(user)));
        return user;
    }

    /** Creates a user in {@code tenantId} on behalf of someone with {@code creatorRole}. */
    @Transactional(Transactional.TxType.MANDATORY)
    User createIn(UUID tenantId, UserInput input, Role creatorRole) {
        String name = required(input.name(), "name");
        Role role = Objects.requireNonNullElse(input.role(), Role.EMPLOYEE);
        requireMayAssign(creatorRole, role);
        User user = new User(
                UUID.randomUUID(),
                tenantId,
                name,
                email(tenantId, input.email(), null),
                role,
                optional(input.department()),
                timezone(input.timezone(), "UTC"),
                optional(input.tier()),
                input.active() == null || input.active(),
                clock.instant());
        return users.save(user);
    }

    @Transactional
    public User update(Actor by, UUID userId, UserInput input) {
        User old = get(by.tenantId(), userId);
        if (input.role() != null && input.role() != old.role()) {
            requireMayAssign(by.role(), input.role());
            requireMayAssign(by.role(), old.role());
        }
        User changed = new User(
                old.id(),
                old.tenantId(),
                input.name() == null ? old.name() : required(input.name(), "name"),
                input.email() == null ? old.email() : email(old.tenantId(), input.email(), old.id()),
                input.role() == null ? old.role() : input.role(),
                input.department() == null ? old.department() : optional(input.department()),
                input.timezone() == null ? old.timezone() : timezone(input.timezone(), old.timezone()),
                input.tier() == null ? old.tier() : optional(input.tier()),
                input.active() == null ? old.active() : input.active(),
                old.createdAt());
        if (changed.equals(old)) {
            return old;
        }
        if (old.role() == Role.CEO && old.active() && !(changed.role() == Role.CEO && changed.active())) {
            requireAnotherCeo(old);
        }
        User saved = users.update(changed);
        audit.record(new AuditLog.Change(
                by.tenantId(), by.userId(), "user.update", userId, null, summary(old), summary(saved)));
        return saved;
    }

    private void requireAnotherCeo(User leaving) {
        boolean another = users.findByTenantIdOrderByName(leaving.tenantId()).stream()
                .anyMatch(u -> !u.id().equals(leaving.id()) && u.role() == Role.CEO && u.active());
        if (!another) {
            throw Problem.conflict("the tenant's last active ceo cannot be demoted or deactivated");
        }
    }

    private static void requireMayAssign(Role by, Role role) {
        if (role == Role.CEO && by != Role.CEO) {
            throw Problem.deniedBecause("only a ceo may give or take the ceo role");
        }
    }

    private @Nullable String email(UUID tenantId, @Nullable String email, @Nullable UUID self) {
        String value = optional(email);
        if (value == null) {
            return null;
        }
        if (!EMAIL.matcher(value).matches()) {
            throw Problem.invalid("'" + value + "' is not an e-mail address");
        }
        if (users.emailTaken(tenantId, value, self == null ? new UUID(0, 0) : self)) {
            throw Problem.conflict("another user of this tenant has the e-mail " + value);
        }
        return value;
    }

    private static String timezone(@Nullable String zone, String fallback) {
        String value = optional(zone);
        if (value == null) {
            return fallback;
        }
        try {
            return ZoneId.of(value).getId();
        } catch (DateTimeException e) {
            throw Problem.invalid("unknown timezone '" + value + "'; use an IANA name such as Europe/Berlin");
        }
    }

    private static String required(@Nullable String value, String field) {
        String stripped = optional(value);
        if (stripped == null) {
            throw Problem.invalid(field + " is required");
        }
        return stripped;
    }

    private static @Nullable String optional(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String summary(User user) {
        return "name=%s, email=%s, role=%s, department=%s, timezone=%s, tier=%s, active=%s"
                .formatted(
                        user.name(),
                        user.email(),
                        user.role().key(),
                        user.department(),
                        user.timezone(),
                        user.tier(),
                        user.active());
    }
}
