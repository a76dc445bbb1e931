package dev.alfred.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alfred.task.Person;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The .ics file follows RFC 5545: CRLF lines of at most 75 octets, UTC times, escaped text. */
class InvitationTest {

    private static final Person ALICE = new Person(
            UUID.fromString("00000000-0000-4000-8000-00000000000a"), "Alice, CEO", "alice@example.com", "UTC");
    private static final Person BOB =
            new Person(UUID.fromString("00000000-0000-4000-8000-00000000000b"), "Bob", null, "Europe/Berlin");
    private static final Meeting MEETING = new Meeting(
            7,
            UUID.fromString("00000000-0000-4000-8000-000000000001"),
            "Budget; Q1, Q2 \\ review " + "x".repeat(80),
            ALICE.id(),
            List.of(ALICE.id(), BOB.id()),
            Instant.parse("2026-11-24T09:00:00Z"),
            45);

    @Test
    void anInvitationIsAValidCalendarFile() {
        var attachment =
                Invitation.attachment(MEETING, ALICE, List.of(ALICE, BOB), Instant.parse("2026-11-22T08:00:00Z"));
        String ics = new String(attachment.data(), StandardCharsets.UTF_8);

        assertThat(attachment.mimeType()).isEqualTo("text/calendar");
        assertThat(attachment.filename()).isEqualTo("meeting-7.ics");
        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n").endsWith("END:VCALENDAR\r\n");
        assertThat(ics.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
        for (String line : ics.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
        }
        String unfolded = ics.replace("\r\n ", "");
        assertThat(unfolded)
                .contains("\r\nBEGIN:VEVENT\r\n")
                .contains("\r\nUID:meeting-7-00000000-0000-4000-8000-000000000001@alfred\r\n")
                .contains("\r\nDTSTAMP:20261122T080000Z\r\n")
                .contains("\r\nDTSTART:20261124T090000Z\r\n")
                .contains("\r\nDTEND:20261124T094500Z\r\n")
                .contains("\r\nSUMMARY:Budget\\; Q1\\, Q2 \\\\ review " + "x".repeat(80) + "\r\n")
                .contains("\r\nORGANIZER;CN=\"Alice, CEO\":mailto:alice@example.com\r\n")
                .contains("ATTENDEE;CN=Bob;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION:urn:uuid:" + BOB.id())
                .contains("\r\nEND:VEVENT\r\n");
    }

    @Test
    void textEscapesBackslashSemicolonCommaAndNewline() {
        assertThat(Invitation.text("a\\b;c,d\ne")).isEqualTo("a\\\\b\\;c\\,d\\ne");
    }
}
