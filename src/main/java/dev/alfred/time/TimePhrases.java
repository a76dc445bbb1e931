package dev.alfred.time;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Reads the moments people write: "tomorrow 3pm", "today at 17:30", "next Friday", "friday
 * morning", "in 2 hours", "in 30 min", "on 2026-12-01", "Dec 3", "3pm tomorrow", and ISO date-times
 * with or without an offset. Everything relative resolves against {@code now}, which carries the
 * speaker's time zone.
 *
 * <p>The rules: a weekday name ("friday", "next friday", "this friday") is its next occurrence
 * after today, one to seven days ahead; a date without a time means 17:00 that day; a time without a
 * date is today if it is still ahead, else tomorrow; "at 3" without am/pm means 15:00 for hours 1 to
 * 6 and the hour itself otherwise; "in N minutes/hours" is exact to the minute, "in N days/weeks" is
 * a date (so 17:00); "Dec 3" is the next 3 December from today. Numeric dates are ISO only.
 */
public final class TimePhrases {

    private TimePhrases() {}

    /** A moment found in a text, and the characters {@code [start, end)} that said it. */
    public record Found(ZonedDateTime at, int start, int end) {}

    /** A length of time found in a text ("for 45m"), and the characters {@code [start, end)} that said it. */
    public record FoundDuration(Duration duration, int start, int end) {}

    /** The first moment written anywhere in {@code text}, e.g. "tomorrow 3pm" in "Call Acme tomorrow 3pm". */
    public static Optional<Found> find(String text, ZonedDateTime now) {
        List<Token> tokens = Token.split(text);
        for (int i = 0; i < tokens.size(); i++) {
            Optional<Scan.Step<ZonedDateTime>> step = new Scan(tokens, now).moment(i);
            if (step.isPresent()) {
                return Optional.of(new Found(
                        step.get().value(),
                        tokens.get(i).start(),
                        tokens.get(step.get().next() - 1).end()));
            }
        }
        return Optional.empty();
    }

    /** {@code phrase} as a whole read as a moment, or empty when it is not one. */
    public static Optional<ZonedDateTime> parse(String phrase, ZonedDateTime now) {
        Optional<ZonedDateTime> iso = iso(phrase.strip(), now.getZone());
        if (iso.isPresent()) {
            return iso;
        }
        List<Token> tokens = Token.split(phrase);
        return new Scan(tokens, now)
                .moment(0)
                .filter(step -> step.next() == tokens.size())
                .map(Scan.Step::value);
    }

    /** The first "for 45m", "for an hour", "for 1.5 hours" in {@code text}. */
    public static Optional<FoundDuration> findDuration(String text) {
        List<Token> tokens = Token.split(text);
        for (int i = 0; i + 1 < tokens.size(); i++) {
            if (tokens.get(i).word().equals("for")) {
                Optional<Scan.Step<Duration>> step = Scan.duration(tokens, i + 1);
                if (step.isPresent()) {
                    return Optional.of(new FoundDuration(
                            step.get().value(),
                            tokens.get(i).start(),
                            tokens.get(step.get().next() - 1).end()));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * An ISO date-time with an offset ({@code 2026-12-01T10:00:00+01:00}, {@code ...Z}), without one
     * (then in {@code zone}), or an ISO date (then 17:00 in {@code zone}).
     */
    public static Optional<ZonedDateTime> iso(String text, ZoneId zone) {
        String value = text.strip().toUpperCase(java.util.Locale.ROOT).replace(' ', 'T');
        try {
            return Optional.of(OffsetDateTime.parse(value).atZoneSameInstant(zone));
        } catch (DateTimeException notWithOffset) {
            // try the forms without an offset
        }
        try {
            return Optional.of(LocalDateTime.parse(value).atZone(zone));
        } catch (DateTimeException notLocal) {
            // try a date alone
        }
        try {
            return Optional.of(LocalDate.parse(value).atTime(Scan.END_OF_DAY).atZone(zone));
        } catch (DateTimeException notADate) {
            return Optional.empty();
        }
    }
}
