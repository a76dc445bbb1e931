package dev.alfred.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The phrases people write, resolved in the speaker's zone; property tests for the rules with many cases. */
class TimePhrasesTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** A Monday morning. */
    private static final ZonedDateTime NOW = ZonedDateTime.of(2026, 11, 23, 9, 30, 12, 0, BERLIN);

    private static final String[] PHRASES = {
        "tomorrow 3pm | 2026-11-24T15:00",
        "tomorrow at 3 pm | 2026-11-24T15:00",
        "Tomorrow at 15:00 | 2026-11-24T15:00",
        "today at 17:30 | 2026-11-23T17:30",
        "next Friday | 2026-11-27T17:00",
        "friday | 2026-11-27T17:00",
        "by Fri | 2026-11-27T17:00",
        "monday | 2026-11-30T17:00",
        "in 2 hours | 2026-11-23T11:30",
        "in 30 min | 2026-11-23T10:00",
        "in an hour | 2026-11-23T10:30",
        "in half an hour | 2026-11-23T10:00",
        "in 3 days | 2026-11-26T17:00",
        "in a week | 2026-11-30T17:00",
        "on 2026-12-01 | 2026-12-01T17:00",
        "2026-12-01 10:00 | 2026-12-01T10:00",
        "Dec 3 | 2026-12-03T17:00",
        "December 3rd | 2026-12-03T17:00",
        "3rd of december | 2026-12-03T17:00",
        "Jan 5 | 2027-01-05T17:00",
        "3pm tomorrow | 2026-11-24T15:00",
        "at 10 tomorrow | 2026-11-24T10:00",
        "at 10 | 2026-11-23T10:00",
        "at 9 | 2026-11-24T09:00",
        "at 3 | 2026-11-23T15:00",
        "tomorow 3pm | 2026-11-24T15:00",
        "tommorow at 11am | 2026-11-24T11:00",
        "wendesday morning | 2026-11-25T09:00",
        "thursday at noon | 2026-11-26T12:00",
        "tonight | 2026-11-23T20:00",
        "this afternoon | 2026-11-23T14:00",
        "eod | 2026-11-23T17:00",
        "day after tomorrow | 2026-11-25T17:00",
        "next week | 2026-11-30T17:00",
        "2026-12-01T10:00 | 2026-12-01T10:00",
        "2026-12-01T09:00:00Z | 2026-12-01T10:00",
        "2026-12-01T10:00:00-05:00 | 2026-12-01T16:00",
        "12am tomorrow | 2026-11-24T00:00",
        "tomorrow 12pm | 2026-11-24T12:00"
    };

    @TestFactory
    Stream<DynamicTest> aPhraseMeansAMomentInTheSpeakersZone() {
        return Stream.of(PHRASES).map(row -> {
            String phrase = row.split("\\|")[0].strip();
            String expected = row.split("\\|")[1].strip();
            return DynamicTest.dynamicTest(
                    phrase + " -> " + expected,
                    () -> assertThat(TimePhrases.parse(phrase, NOW))
                            .contains(LocalDateTime.parse(expected).atZone(BERLIN)));
        });
    }

    @TestFactory
    Stream<DynamicTest> whatIsNotAMomentIsNotGuessed() {
        return Stream.of("3/12", "12/3/2026", "soon", "later", "tomorrow 25pm", "Feb 30", "2026-13-01", "at")
                .map(phrase -> DynamicTest.dynamicTest(
                        phrase, () -> assertThat(TimePhrases.parse(phrase, NOW)).isEmpty()));
    }

    @Test
    void aMomentIsFoundInsideATextWithWhereItStands() {
        String text = "Call Acme tomorrow 3pm about the renewal";
        TimePhrases.Found found = TimePhrases.find(text, NOW).orElseThrow();
        assertThat(text.substring(found.start(), found.end())).isEqualTo("tomorrow 3pm");
        assertThat(found.at()).isEqualTo(ZonedDateTime.of(2026, 11, 24, 15, 0, 0, 0, BERLIN));

        String leading = "by friday call acme";
        TimePhrases.Found first = TimePhrases.find(leading, NOW).orElseThrow();
        assertThat(leading.substring(first.start(), first.end())).isEqualTo("by friday");
    }

    @Test
    void numbersThatAreNotTimesAreLeftAlone() {
        assertThat(TimePhrases.find("Call 3 clients about the Q3 plan", NOW)).isEmpty();
        assertThat(TimePhrases.find("Pay invoice 12.50", NOW)).isEmpty();
        assertThat(TimePhrases.find("Review the budget", NOW)).isEmpty();
    }

    @Test
    void durationsAfterFor() {
        assertThat(TimePhrases.findDuration("Sync for 45m").orElseThrow().duration())
                .isEqualTo(Duration.ofMinutes(45));
        assertThat(TimePhrases.findDuration("sync for an hour").orElseThrow().duration())
                .isEqualTo(Duration.ofHours(1));
        assertThat(TimePhrases.findDuration("for 1.5 hours").orElseThrow().duration())
                .isEqualTo(Duration.ofMinutes(90));
        assertThat(TimePhrases.findDuration("for 1h30").orElseThrow().duration())
                .isEqualTo(Duration.ofMinutes(90));
        assertThat(TimePhrases.findDuration("for 30 minutes").orElseThrow().duration())
                .isEqualTo(Duration.ofMinutes(30));
        assertThat(TimePhrases.findDuration("for the team")).isEmpty();
    }

    @Test
    void inNHoursOrMinutesIsNowPlusThatToTheMinute() {
        Random random = new Random(42);
        for (int run = 0; run < 500; run++) {
            ZonedDateTime now = randomNow(random);
            int n = 1 + random.nextInt(500);
            boolean hours = random.nextBoolean();
            String unit = hours ? (n == 1 ? "hour" : "hours") : (random.nextBoolean() ? "min" : "minutes");
            ZonedDateTime expected = now.plus(hours ? Duration.ofHours(n) : Duration.ofMinutes(n))
                    .truncatedTo(ChronoUnit.MINUTES);
            assertThat(TimePhrases.parse("in " + n + " " + unit, now))
                    .as("in %d %s at %s", n, unit, now)
                    .contains(expected);
        }
    }

    @Test
    void aWeekdayIsAlwaysOneToSevenDaysAheadAt17() {
        Random random = new Random(7);
        for (int run = 0; run < 500; run++) {
            ZonedDateTime now = randomNow(random);
            DayOfWeek day = DayOfWeek.of(1 + random.nextInt(7));
            String name = day.name().toLowerCase(Locale.ROOT);
            String phrase = switch (random.nextInt(3)) {
                case 0 -> name;
                case 1 -> "next " + name;
                default -> "on " + name.substring(0, 3);
            };
            ZonedDateTime at = TimePhrases.parse(phrase, now).orElseThrow();
            long days = ChronoUnit.DAYS.between(now.toLocalDate(), at.toLocalDate());
            assertThat(days).as("%s at %s", phrase, now).isBetween(1L, 7L);
            assertThat(at.getDayOfWeek()).isEqualTo(day);
            assertThat(at.toLocalTime()).isEqualTo(java.time.LocalTime.of(17, 0));
        }
    }

    @Test
    void aTimeWithoutADateIsTheNextSuchTime() {
        Random random = new Random(11);
        for (int run = 0; run < 500; run++) {
            ZonedDateTime now = randomNow(random);
            int hour = random.nextInt(24);
            int minute = random.nextInt(60);
            ZonedDateTime at = TimePhrases.parse("at %02d:%02d".formatted(hour, minute), now)
                    .orElseThrow();
            assertThat(at).isAfter(now);
            assertThat(Duration.between(now, at)).isLessThanOrEqualTo(Duration.ofHours(25));
            assertThat(at.getHour()).isEqualTo(hour);
            assertThat(at.getMinute()).isEqualTo(minute);
        }
    }

    private static ZonedDateTime randomNow(Random random) {
        String[] zones = {"Europe/Berlin", "America/New_York", "Asia/Tokyo", "UTC", "Australia/Sydney"};
        return ZonedDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneId.of(zones[random.nextInt(zones.length)]))
                .plusMinutes(random.nextInt(60 * 24 * 365))
                .plusSeconds(random.nextInt(60));
    }
}
