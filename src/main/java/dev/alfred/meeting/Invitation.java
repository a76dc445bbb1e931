package dev.alfred.meeting;

import dev.alfred.channel.Reply;
import dev.alfred.task.Person;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * A meeting as an RFC 5545 calendar file ({@code text/calendar}): one VEVENT with UID, DTSTAMP,
 * DTSTART and DTEND in UTC, SUMMARY, ORGANIZER and one ATTENDEE per person; CRLF line endings,
 * text escaped and lines folded at 75 octets. People without an e-mail address are named by a
 * {@code urn:uuid:} address, since a calendar address must be a URI.
 */
final class Invitation {

    private static final DateTimeFormatter UTC =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private Invitation() {}

    static Reply.Attachment attachment(Meeting meeting, Person organizer, List<Person> attendees, Instant stamp) {
        return new Reply.Attachment(
                "meeting-" + meeting.id() + ".ics",
                "text/calendar",
                ics(meeting, organizer, attendees, stamp).getBytes(StandardCharsets.UTF_8));
    }

    static String ics(Meeting meeting, Person organizer, List<Person> attendees, Instant stamp) {
        StringBuilder out = new StringBuilder();
        line(out, "BEGIN:VCALENDAR");
        line(out, "VERSION:2.0");
        line(out, "PRODID:-//Alfred//Meetings//EN");
        line(out, "CALSCALE:GREGORIAN");
        line(out, "METHOD:REQUEST");
        line(out, "BEGIN:VEVENT");
        line(out, "UID:meeting-" + meeting.id() + "-" + meeting.tenantId() + "@alfred");
        line(out, "DTSTAMP:" + UTC.format(stamp));
        line(out, "DTSTART:" + UTC.format(meeting.start()));
        line(out, "DTEND:" + UTC.format(meeting.end()));
        line(out, "SUMMARY:" + text(meeting.title()));
        line(out, "ORGANIZER;CN=" + parameter(organizer.name()) + ":" + address(organizer));
        for (Person attendee : attendees) {
            line(
                    out,
                    "ATTENDEE;CN=" + parameter(attendee.name()) + ";ROLE=REQ-PARTICIPANT;PARTSTAT="
                            + (attendee.id().equals(organizer.id()) ? "ACCEPTED" : "NEEDS-ACTION") + ":"
                            + address(attendee));
        }
        line(out, "END:VEVENT");
        line(out, "END:VCALENDAR");
        return out.toString();
    }

    /** A TEXT value: backslash, semicolon, comma and newline escaped (RFC 5545 3.3.11). */
    static String text(String value) {
        return value.replace("\\", "\\\\")
                .replace(";", "\\;")
                .replace(",", "\\,")
                .replace("\r\n", "\\n")
                .replace("\n", "\\n");
    }

    /** A parameter value: quoted when it holds a colon, semicolon or comma; quotes cannot appear in it. */
    private static String parameter(String value) {
        String clean = value.replace("\"", "'");
        return clean.matches(".*[:;,].*") ? "\"" + clean + "\"" : clean;
    }

    private static String address(Person person) {
        return person.email() == null ? "urn:uuid:" + person.id() : "mailto:" + person.email();
    }

    /** Appends a content line folded at 75 octets, continuation lines starting with a space. */
    private static void line(StringBuilder out, String content) {
        int octets = 0;
        int limit = 75;
        for (int i = 0; i < content.length(); ) {
            int codePoint = content.codePointAt(i);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > limit) {
                out.append("\r\n ");
                octets = 1;
            }
            out.appendCodePoint(codePoint);
            octets += size;
            i += Character.charCount(codePoint);
        }
        out.append("\r\n");
    }
}
