package dev.alfred.admin;

import static dev.alfred.testing.AlfredProperties.OWNER_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.alfred.testing.AlfredProperties;
import dev.alfred.testing.ApiClient;
import dev.alfred.testing.Users;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** {@code /api/v1/meetings}: shapes, the conflict check (409 naming who is busy), cancel, isolation. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MeetingApiTest implements TestPropertyProvider {

    @Inject
    EmbeddedServer server;

    ApiClient api;
    Users.Created alice;
    Users.Created bob;
    String acmeKey;

    @Override
    public Map<String, String> getProperties() {
        return AlfredProperties.fresh();
    }

    @BeforeAll
    void people() {
        api = new ApiClient(server.getURI());
        alice = Users.of(api, OWNER_KEY).name("Alice Adams").create();
        bob = Users.of(api, OWNER_KEY).name("Bob Brown").create();
        acmeKey = api.post("/api/v1/tenants", OWNER_KEY, "{\"name\": \"Acme Corp\"}")
                .get("apiKey");
    }

    /** A start {@code days} ahead at {@code hour}:00 UTC. */
    private static String at(int days, int hour) {
        return OffsetDateTime.now(ZoneOffset.UTC)
                .truncatedTo(ChronoUnit.DAYS)
                .plusDays(days)
                .withHour(hour)
                .toString();
    }

    private ApiClient.Response schedule(String key, String title, String start, int minutes, String... attendees) {
        String ids = String.join("\", \"", attendees);
        return api.post("/api/v1/meetings", key, """
                {"title": "%s", "attendees": [%s], "start": "%s", "durationMinutes": %d}""".formatted(
                        title, attendees.length == 0 ? "" : "\"" + ids + "\"", start, minutes));
    }

    @Test
    void aMeetingComesBackInTheSpecifiedShapeWithTheOrganizerAttending() {
        ApiClient.Response created = schedule(alice.key(), "Budget", at(3, 9), 45, bob.id());

        assertThat(created.status()).isEqualTo(201);
        Map<String, Object> meeting = created.json();
        assertThat(meeting.keySet())
                .containsExactlyInAnyOrder("id", "title", "organizerId", "attendees", "start", "durationMinutes");
        assertThat(meeting)
                .containsEntry("title", "Budget")
                .containsEntry("organizerId", alice.id())
                .containsEntry("durationMinutes", 45);
        assertThat(meeting.get("attendees"))
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                .containsExactlyInAnyOrder(alice.id(), bob.id());
        assertThat(OffsetDateTime.parse((String) meeting.get("start")).toInstant())
                .isEqualTo(OffsetDateTime.parse(at(3, 9)).toInstant());

        String path = "/api/v1/meetings/" + meeting.get("id");
        assertThat(api.get(path, bob.key()).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/meetings", bob.key()).list())
                .anyMatch(m -> m.get("title").equals("Budget"));
    }

    @Test
    void anOverlappingMeetingIsAConflictNamingWhoIsBusy() {
        assertThat(schedule(OWNER_KEY, "Planning", at(5, 10), 60, bob.id()).status())
                .isEqualTo(201);

        ApiClient.Response clash = schedule(alice.key(), "Review", at(5, 10).replace("T10:00", "T10:30"), 30, bob.id());

        assertThat(clash.status()).isEqualTo(409);
        assertThat(clash.get("detail")).contains("Bob Brown has *Planning*").doesNotContain("Alice Adams has");
        // Back to back is fine.
        assertThat(schedule(alice.key(), "Review", at(5, 11), 30, bob.id()).status())
                .isEqualTo(201);
        assertThat(api.get("/api/v1/meetings?size=100", alice.key()).list())
                .filteredOn(m -> m.get("title").equals("Review"))
                .hasSize(1);
    }

    @Test
    void badInputIsA400() {
        assertThat(schedule(alice.key(), "x", "tomorrow-ish", 30).get("detail")).contains("start must be an ISO-8601");
        assertThat(schedule(alice.key(), "x", at(-2, 10), 30).get("detail")).contains("in the past");
        assertThat(schedule(alice.key(), "x", at(4, 10), 0).status()).isEqualTo(400);
        assertThat(schedule(alice.key(), "", at(4, 10), 30).status()).isEqualTo(400);
        assertThat(schedule(alice.key(), "x", at(4, 10), 30, "not-a-uuid").get("detail"))
                .contains("user ids");
        assertThat(schedule(alice.key(), "x", at(4, 10), 30, "9d0c1b8e-0000-4000-8000-000000000000")
                        .status())
                .isEqualTo(400);
    }

    @Test
    void onlyTheOrganizerCancelsAndACancelledMeetingIsGone() {
        String id = schedule(alice.key(), "Retro", at(7, 14), 30, bob.id()).get("id");
        String path = "/api/v1/meetings/" + id;

        assertThat(api.delete(path, bob.key()).status()).isEqualTo(403);
        assertThat(api.delete(path, alice.key()).status()).isEqualTo(204);
        assertThat(api.get(path, alice.key()).status()).isEqualTo(404);
        // The slot is free again.
        assertThat(schedule(bob.key(), "Retro again", at(7, 14), 30).status()).isEqualTo(201);
    }

    @Test
    void anotherTenantsMeetingIsNotFound() {
        String id = schedule(alice.key(), "Private", at(9, 8), 30).get("id");

        assertThat(api.get("/api/v1/meetings/" + id, acmeKey).status()).isEqualTo(404);
        assertThat(api.delete("/api/v1/meetings/" + id, acmeKey).status()).isEqualTo(404);
        assertThat(schedule(acmeKey, "Poach", at(9, 8), 30, alice.id()).status())
                .isEqualTo(400);
        assertThat(api.get("/api/v1/meetings/" + id, alice.key()).status()).isEqualTo(200);
    }

    @Test
    void meetingsBookedAtTheSameTimeCannotBothPassTheConflictCheck() throws Exception {
        Users.Created busy = Users.of(api, OWNER_KEY).name("Rita Racer").create();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            List<java.util.concurrent.Future<Integer>> statuses = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String title = "Race " + i;
                statuses.add(pool.submit(() ->
                        schedule(OWNER_KEY, title, at(11, 13), 60, busy.id()).status()));
            }
            List<Integer> codes = new java.util.ArrayList<>();
            for (var status : statuses) {
                codes.add(status.get());
            }
            assertThat(codes).containsOnly(201, 409).containsOnlyOnce(201);
        } finally {
            pool.shutdown();
        }
    }
}
