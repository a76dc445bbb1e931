package dev.alfred.task;

import dev.alfred.identity.Actor;
import dev.alfred.problem.Problem;
import dev.alfred.time.FuzzyWords;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Finds the active user of the actor's tenant someone means: "me", a user id, a platform mention
 * (Slack {@code <@U123>}, Discord {@code <@123>} or {@code <@!123>}, looked up among linked
 * accounts), {@code @bob} or a name ("Bob", "bob smith", "Bbo"). Names match the full name first,
 * then a first or last name, then a prefix or a small typo; several people at the best level is an
 * ambiguity, reported with the candidates rather than guessed.
 */
@Singleton
public class People {

    private static final Pattern PLATFORM_MENTION = Pattern.compile("<@!?([A-Za-z0-9]+)(?:\\|[^>]*)?>");
    private static final String COLUMNS = "u.id, u.name, u.email, u.timezone";

    private final JdbcOperations jdbc;

    People(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** The person {@code reference} names; an unknown or ambiguous reference is an invalid problem. */
    public Person resolve(Actor actor, String reference) {
        String ref = reference.strip();
        String lower = ref.toLowerCase(Locale.ROOT);
        if (lower.equals("me") || lower.equals("myself") || lower.equals("i") || lower.equals("@me")) {
            return get(actor.tenantId(), actor.userId());
        }
        Optional<UUID> id = uuid(ref);
        if (id.isPresent()) {
            return find(actor.tenantId(), id.get())
                    .orElseThrow(() -> Problem.invalid("there is no user " + ref + " in your company"));
        }
        Matcher mention = PLATFORM_MENTION.matcher(ref);
        if (mention.matches()) {
            return linked(actor.tenantId(), mention.group(1))
                    .orElseThrow(() -> Problem.invalid(
                            "the person " + ref + " has not linked their account to Alfred yet; use their name"));
        }
        if (ref.startsWith("@")) {
            Optional<Person> linked = linked(actor.tenantId(), ref.substring(1));
            if (linked.isPresent()) {
                return linked.get();
            }
        }
        return byName(
                actor.tenantId(), ref.replaceFirst("^@", "").replace('_', ' ').replace('.', ' '));
    }

    /** The active user with this id in this tenant; another tenant's id is not found. */
    public Person get(UUID tenantId, UUID userId) {
        return find(tenantId, userId).orElseThrow(() -> Problem.notFound("user", userId));
    }

    /** The active user with this id in this tenant, if there is one. */
    Optional<Person> find(UUID tenantId, UUID userId) {
        return one(
                "SELECT " + COLUMNS + " FROM app_user u WHERE u.tenant_id = ? AND u.id = ? AND u.active",
                tenantId,
                userId);
    }

    private Optional<Person> linked(UUID tenantId, String platformUserId) {
        return one(
                "SELECT DISTINCT " + COLUMNS + " FROM app_user u JOIN channel_account a ON a.user_id = u.id"
                        + " WHERE u.tenant_id = ? AND a.platform_user_id = ? AND u.active",
                tenantId,
                platformUserId);
    }

    private Person byName(UUID tenantId, String name) {
        String wanted = name.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        if (wanted.isEmpty()) {
            throw Problem.invalid("say who: a name, an @mention or a user id");
        }
        List<Person> everyone = all(tenantId);
        List<Predicate<String>> levels = List.of(
                full -> full.equals(wanted),
                full -> List.of(full.split(" ")).contains(wanted),
                full -> full.startsWith(wanted)
                        || List.of(full.split(" ")).stream().anyMatch(part -> FuzzyWords.near(wanted, part)));
        for (Predicate<String> level : levels) {
            List<Person> matches = everyone.stream()
                    .filter(p -> level.test(p.name().toLowerCase(Locale.ROOT)))
                    .toList();
            if (matches.size() == 1) {
                return matches.getFirst();
            }
            if (matches.size() > 1) {
                throw Problem.invalid("'" + name + "' could be "
                        + matches.stream().map(Person::name).collect(Collectors.joining(" or "))
                        + "; say which one");
            }
        }
        throw Problem.invalid("I don't know anyone called '" + name + "' in your company");
    }

    private List<Person> all(UUID tenantId) {
        return jdbc.prepareStatement(
                "SELECT " + COLUMNS + " FROM app_user u WHERE u.tenant_id = ? AND u.active ORDER BY u.name",
                statement -> {
                    statement.setObject(1, tenantId);
                    List<Person> people = new ArrayList<>();
                    try (ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            people.add(person(rows));
                        }
                    }
                    return people;
                });
    }

    private Optional<Person> one(String sql, Object... parameters) {
        return jdbc.prepareStatement(sql, statement -> {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(person(rows)) : Optional.<Person>empty();
            }
        });
    }

    private static Person person(ResultSet row) throws SQLException {
        return new Person(row.getObject(1, UUID.class), row.getString(2), row.getString(3), row.getString(4));
    }

    private static Optional<UUID> uuid(String text) {
        try {
            return text.length() == 36 ? Optional.of(UUID.fromString(text)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
