package dev.alfred.identity;

import dev.alfred.audit.AuditLog;
import dev.alfred.problem.Problem;
import io.micronaut.context.annotation.Value;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One-time codes that link a platform account to a user: an admin creates one for a user, the user
 * sends {@code /link CODE} to a bot. A code expires after {@code alfred.link-codes.ttl} and works once.
 */
@Singleton
public class LinkCodeService {

    private final LinkCodeRepository codes;
    private final ChannelAccountRepository accounts;
    private final UserService users;
    private final AuditLog audit;
    private final JdbcOperations jdbc;
    private final Clock clock;
    private final Duration ttl;

    LinkCodeService(
            LinkCodeRepository codes,
            ChannelAccountRepository accounts,
            UserService users,
            AuditLog audit,
            JdbcOperations jdbc,
            Clock clock,
            @Value("${alfred.link-codes.ttl:15m}") Duration ttl) {
        this.codes = codes;
        this.accounts = accounts;
        this.users = users;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
        this.ttl = ttl;
    }

    /** A code to send to a bot; {@code code} is shown only once. */
    @Serdeable
    public record LinkCode(String code, Instant expiresAt) {}

    @Transactional
    public LinkCode create(Actor by, UUID userId) {
        User user = users.get(by.tenantId(), userId);
        if (!user.active()) {
            throw Problem.conflict("user " + userId + " is not active");
        }
        String code = Secrets.newLinkCode();
        Instant expiresAt = clock.instant().plus(ttl);
        codes.save(new LinkCodeRow(Secrets.hash(code), by.tenantId(), userId, expiresAt, null));
        audit.record(new AuditLog.Change(by.tenantId(), by.userId(), "link_code.create", userId, null, null, null));
        return new LinkCode(code, expiresAt);
    }

    /**
     * Links the platform account to the code's user and returns that user. A user keeps one account
     * per channel of a bot: a new link replaces the old one.
     */
    @Transactional
    public Actor redeem(String code, String bot, String channel, String platformUserId) {
        return redeem(code, null, bot, channel, platformUserId);
    }

    /**
     * As {@link #redeem(String, String, String, String)}, refusing a code whose user belongs to
     * another tenant than {@code expectedTenant} (the tenant of the workspace the code was sent in).
     */
    @Transactional
    public Actor redeem(String code, @Nullable UUID expectedTenant, String bot, String channel, String platformUserId) {
        UUID userId = consume(code.strip().toUpperCase(Locale.ROOT))
                .orElseThrow(() ->
                        Problem.invalid("that link code is unknown, used or expired; ask an admin for a new one"));
        Optional<ChannelAccount> linked = accounts.findByBotAndChannelAndPlatformUserId(bot, channel, platformUserId);
        if (linked.isPresent() && !linked.get().userId().equals(userId)) {
            throw Problem.conflict("this account is already linked to another user");
        }
        User user = users.getById(userId);
        if (expectedTenant != null && !expectedTenant.equals(user.tenantId())) {
            throw Problem.invalid("that link code belongs to another company; ask the admin of this workspace");
        }
        accounts.findByUserIdAndBotAndChannel(userId, bot, channel)
                .filter(old -> !old.platformUserId().equals(platformUserId))
                .ifPresent(accounts::delete);
        if (linked.isEmpty()) {
            accounts.save(new ChannelAccount(
                    UUID.randomUUID(), user.tenantId(), userId, bot, channel, platformUserId, clock.instant()));
        }
        audit.record(new AuditLog.Change(
                user.tenantId(),
                userId,
                "channel.link",
                userId,
                null,
                null,
                bot + "/" + channel + "/" + platformUserId));
        return user.asActor();
    }

    /**
     * Links a platform account whose owner is already authenticated (the console, where the
     * platform user id is the user's id), without a code.
     */
    @Transactional
    public void linkAuthenticated(User user, String bot, String channel, String platformUserId) {
        if (accounts.findByBotAndChannelAndPlatformUserId(bot, channel, platformUserId)
                .isEmpty()) {
            accounts.save(new ChannelAccount(
                    UUID.randomUUID(), user.tenantId(), user.id(), bot, channel, platformUserId, clock.instant()));
        }
    }

    /**
     * The active user linked to this platform account, if any. It runs for every message, so it reads only the
     * actor's columns with one plain query.
     */
    @Transactional
    public Optional<Actor> find(String bot, String channel, String platformUserId) {
        return jdbc.prepareStatement("""
                SELECT u.id, u.tenant_id, u.name, u.role, u.timezone
                FROM channel_account a JOIN app_user u ON u.id = a.user_id
                WHERE a.bot = ? AND a.channel = ? AND a.platform_user_id = ? AND u.active""", statement -> {
            statement.setString(1, bot);
            statement.setString(2, channel);
            statement.setString(3, platformUserId);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    return Optional.<Actor>empty();
                }
                return Optional.of(new Actor(
                        rows.getObject(1, UUID.class),
                        rows.getObject(2, UUID.class),
                        rows.getString(3),
                        Role.of(rows.getString(4)),
                        rows.getString(5)));
            }
        });
    }

    private Optional<UUID> consume(String code) {
        Instant now = clock.instant();
        return jdbc.prepareStatement(
                "UPDATE link_code SET used_at = ? WHERE code_hash = ? AND used_at IS NULL AND expires_at > ?"
                        + " RETURNING user_id",
                statement -> {
                    statement.setTimestamp(1, Timestamp.from(now));
                    statement.setString(2, Secrets.hash(code));
                    statement.setTimestamp(3, Timestamp.from(now));
                    try (ResultSet rows = statement.executeQuery()) {
                        return rows.next() ? Optional.of(rows.getObject(1, UUID.class)) : Optional.<UUID>empty();
                    }
                });
    }
}
