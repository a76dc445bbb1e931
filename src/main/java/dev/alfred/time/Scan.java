package dev.alfred.time;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.MonthDay;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The grammar of {@link TimePhrases}: reads a moment starting at one token. */
final class Scan {

    static final LocalTime END_OF_DAY = LocalTime.of(17, 0);

    /** A value read from tokens up to (not including) {@code next}. */
    record Step<T>(T value, int next) {}

    private static final Set<String> LEADS = Set.of("by", "due", "on", "at", "before", "until", "till", "@", "for");
    private static final Pattern CLOCK = Pattern.compile("(\\d{1,2})(?::(\\d{2}))?(am|pm|a\\.m|p\\.m)?");
    private static final Pattern COMPACT = Pattern.compile("(\\d+(?:\\.\\d+)?)(minutes?|mins?|m|hours?|hrs?|h)");
    private static final Pattern ORDINAL = Pattern.compile("(\\d{1,2})(?:st|nd|rd|th)?");
    private static final Pattern ISO = Pattern.compile("\\d{4}-\\d{2}-\\d{2}.*");
    private static final Map<String, Integer> NUMBERS = Map.ofEntries(
            Map.entry("a", 1),
            Map.entry("an", 1),
            Map.entry("one", 1),
            Map.entry("two", 2),
            Map.entry("three", 3),
            Map.entry("four", 4),
            Map.entry("five", 5),
            Map.entry("six", 6),
            Map.entry("seven", 7),
            Map.entry("eight", 8),
            Map.entry("nine", 9),
            Map.entry("ten", 10),
            Map.entry("twelve", 12),
            Map.entry("fifteen", 15),
            Map.entry("twenty", 20),
            Map.entry("thirty", 30));
    private static final Map<String, LocalTime> DAY_PARTS = Map.of(
            "morning",
            LocalTime.of(9, 0),
            "noon",
            LocalTime.NOON,
            "midday",
            LocalTime.NOON,
            "lunchtime",
            LocalTime.NOON,
            "afternoon",
            LocalTime.of(14, 0),
            "evening",
            LocalTime.of(18, 0),
            "tonight",
            LocalTime.of(20, 0),
            "eod",
            END_OF_DAY);

    private final List<Token> tokens;
    private final ZonedDateTime now;

    Scan(List<Token> tokens, ZonedDateTime now) {
        this.tokens = tokens;
        this.now = now;
    }

    Optional<Step<ZonedDateTime>> moment(int start) {
        int i = start;
        while (i < tokens.size() && LEADS.contains(word(i))) {
            i++;
        }
        if (i < tokens.size() && word(i).equals("in")) {
            return relative(i + 1);
        }
        if (i < tokens.size() && ISO.matcher(word(i)).matches()) {
            Optional<ZonedDateTime> iso = TimePhrases.iso(tokens.get(i).word(), now.getZone());
            if (iso.isPresent() && word(i).length() > 10) {
                return Optional.of(new Step<>(iso.get(), i + 1));
            }
        }
        boolean afterAt = i > start && (word(i - 1).equals("at") || word(i - 1).equals("@"));
        Optional<Step<LocalDate>> date = date(i);
        if (date.isPresent()) {
            int j = date.get().next();
            boolean at = j < tokens.size() && (word(j).equals("at") || word(j).equals("@") || word(j).equals("by"));
            Optional<Step<LocalTime>> time = time(at ? j + 1 : j, at || isTonight(i));
            LocalTime clock = time.map(Step::value).orElse(isTonight(i) ? DAY_PARTS.get("tonight") : END_OF_DAY);
            int next = time.map(Step::next).orElse(j);
            return Optional.of(new Step<>(date.get().value().atTime(clock).atZone(now.getZone()), next));
        }
        Optional<Step<LocalTime>> time = time(i, afterAt);
        if (time.isEmpty()) {
            return Optional.empty();
        }
        int j = time.get().next();
        boolean on = j < tokens.size() && word(j).equals("on");
        Optional<Step<LocalDate>> later = date(on ? j + 1 : j);
        if (later.isPresent()) {
            return Optional.of(new Step<>(
                    later.get().value().atTime(time.get().value()).atZone(now.getZone()),
                    later.get().next()));
        }
        ZonedDateTime today = now.toLocalDate().atTime(time.get().value()).atZone(now.getZone());
        return Optional.of(new Step<>(today.isAfter(now) ? today : today.plusDays(1), j));
    }

    private boolean isTonight(int i) {
        return word(i).equals("tonight");
    }

    private Optional<Step<ZonedDateTime>> relative(int i) {
        Optional<Step<Duration>> exact = duration(tokens, i);
        if (exact.isPresent()) {
            ZonedDateTime at = now.plus(exact.get().value()).truncatedTo(ChronoUnit.MINUTES);
            return Optional.of(new Step<>(at, exact.get().next()));
        }
        Optional<Step<Double>> amount = amount(tokens, i);
        if (amount.isEmpty() || amount.get().next() >= tokens.size()) {
            return Optional.empty();
        }
        long count = Math.round(amount.get().value());
        String unit = word(amount.get().next());
        LocalDate day;
        if (unit.startsWith("day") || unit.equals("d")) {
            day = now.toLocalDate().plusDays(count);
        } else if (unit.startsWith("week") || unit.equals("w")) {
            day = now.toLocalDate().plusWeeks(count);
        } else {
            return Optional.empty();
        }
        return Optional.of(new Step<>(
                day.atTime(END_OF_DAY).atZone(now.getZone()), amount.get().next() + 1));
    }

    /** "45m", "45 min", "an hour", "1.5 hours", "half an hour", "1h30". */
    static Optional<Step<Duration>> duration(List<Token> tokens, int i) {
        if (i >= tokens.size()) {
            return Optional.empty();
        }
        String first = tokens.get(i).word();
        Matcher hoursMinutes = Pattern.compile("(\\d+)h(\\d{2})").matcher(first);
        if (hoursMinutes.matches()) {
            return Optional.of(new Step<>(
                    Duration.ofHours(Long.parseLong(hoursMinutes.group(1)))
                            .plusMinutes(Long.parseLong(hoursMinutes.group(2))),
                    i + 1));
        }
        Matcher compact = COMPACT.matcher(first);
        if (compact.matches()) {
            return Optional.of(new Step<>(length(Double.parseDouble(compact.group(1)), compact.group(2)), i + 1));
        }
        if (first.equals("half")
                && i + 2 < tokens.size()
                && tokens.get(i + 1).word().matches("an?")) {
            return tokens.get(i + 2).word().startsWith("hour")
                    ? Optional.of(new Step<>(Duration.ofMinutes(30), i + 3))
                    : Optional.empty();
        }
        Optional<Step<Double>> amount = amount(tokens, i);
        if (amount.isEmpty() || amount.get().next() >= tokens.size()) {
            return Optional.empty();
        }
        String unit = tokens.get(amount.get().next()).word();
        if (!unit.matches("minutes?|mins?|m|hours?|hrs?|h")) {
            return Optional.empty();
        }
        return Optional.of(
                new Step<>(length(amount.get().value(), unit), amount.get().next() + 1));
    }

    private static Duration length(double amount, String unit) {
        long minutes = unit.startsWith("h") ? Math.round(amount * 60) : Math.round(amount);
        return Duration.ofMinutes(minutes);
    }

    private static Optional<Step<Double>> amount(List<Token> tokens, int i) {
        if (i >= tokens.size()) {
            return Optional.empty();
        }
        String word = tokens.get(i).word();
        if (word.matches("\\d{1,4}(\\.\\d+)?")) {
            return Optional.of(new Step<>(Double.parseDouble(word), i + 1));
        }
        Integer number = NUMBERS.get(word);
        return number == null ? Optional.empty() : Optional.of(new Step<>(number.doubleValue(), i + 1));
    }

    private Optional<Step<LocalDate>> date(int i) {
        if (i >= tokens.size()) {
            return Optional.empty();
        }
        String word = word(i);
        LocalDate today = now.toLocalDate();
        if (FuzzyWords.near(word, "today") || word.equals("tonight")) {
            return Optional.of(new Step<>(today, i + 1));
        }
        if (word.equals("this") && i + 1 < tokens.size() && DAY_PARTS.containsKey(word(i + 1))) {
            return Optional.of(new Step<>(today, i + 1));
        }
        if (word.equals("day") && i + 2 < tokens.size() && word(i + 1).equals("after") && isTomorrow(word(i + 2))) {
            return Optional.of(new Step<>(today.plusDays(2), i + 3));
        }
        if (isTomorrow(word)) {
            return Optional.of(new Step<>(today.plusDays(1), i + 1));
        }
        if (word.equals("next") && i + 1 < tokens.size() && word(i + 1).equals("week")) {
            return Optional.of(new Step<>(today.with(TemporalAdjusters.next(DayOfWeek.MONDAY)), i + 2));
        }
        int at = word.equals("next") || word.equals("this") || word.equals("coming") ? i + 1 : i;
        Optional<DayOfWeek> weekday = at < tokens.size() ? weekday(word(at)) : Optional.empty();
        if (weekday.isPresent()) {
            return Optional.of(new Step<>(today.with(TemporalAdjusters.next(weekday.get())), at + 1));
        }
        if (ISO.matcher(word).matches() && word.length() == 10) {
            try {
                return Optional.of(new Step<>(LocalDate.parse(word), i + 1));
            } catch (java.time.DateTimeException e) {
                return Optional.empty();
            }
        }
        return monthDay(i).map(step -> new Step<>(nextOccurrence(step.value(), today), step.next()));
    }

    private static LocalDate nextOccurrence(MonthDay day, LocalDate today) {
        LocalDate thisYear = day.atYear(today.getYear());
        return thisYear.isBefore(today) ? day.atYear(today.getYear() + 1) : thisYear;
    }

    /** "dec 3", "december 3rd", "3 dec", "3rd of december". */
    private Optional<Step<MonthDay>> monthDay(int i) {
        Optional<Month> month = month(word(i));
        if (month.isPresent() && i + 1 < tokens.size()) {
            Matcher day = ORDINAL.matcher(word(i + 1));
            if (day.matches()) {
                return monthDay(month.get(), Integer.parseInt(day.group(1)), i + 2);
            }
        }
        Matcher day = ORDINAL.matcher(word(i));
        if (day.matches() && i + 1 < tokens.size()) {
            int at = word(i + 1).equals("of") ? i + 2 : i + 1;
            Optional<Month> after = at < tokens.size() ? month(word(at)) : Optional.empty();
            if (after.isPresent()) {
                return monthDay(after.get(), Integer.parseInt(day.group(1)), at + 1);
            }
        }
        return Optional.empty();
    }

    private static Optional<Step<MonthDay>> monthDay(Month month, int day, int next) {
        if (day < 1 || day > month.maxLength()) {
            return Optional.empty();
        }
        return Optional.of(new Step<>(MonthDay.of(month, day), next));
    }

    private Optional<Step<LocalTime>> time(int i, boolean bareHourAllowed) {
        if (i >= tokens.size()) {
            return Optional.empty();
        }
        String word = word(i);
        if (DAY_PARTS.containsKey(word)) {
            return Optional.of(new Step<>(DAY_PARTS.get(word), i + 1));
        }
        if (word.equals("midnight")) {
            return Optional.of(new Step<>(LocalTime.of(23, 59), i + 1));
        }
        if (word.equals("end")
                && i + 2 < tokens.size()
                && word(i + 1).equals("of")
                && word(i + 2).equals("day")) {
            return Optional.of(new Step<>(END_OF_DAY, i + 3));
        }
        Matcher clock = CLOCK.matcher(word);
        if (!clock.matches()) {
            return Optional.empty();
        }
        String half = clock.group(3);
        int next = i + 1;
        if (half == null && next < tokens.size() && word(next).matches("am|pm|a\\.m|p\\.m")) {
            half = word(next);
            next++;
        }
        boolean colon = clock.group(2) != null;
        if (half == null && !colon && !bareHourAllowed) {
            return Optional.empty();
        }
        int hour = Integer.parseInt(clock.group(1));
        int minute = colon ? Integer.parseInt(clock.group(2)) : 0;
        if (minute > 59 || hour > 23 || (half != null && (hour < 1 || hour > 12))) {
            return Optional.empty();
        }
        if (half != null) {
            hour = hour % 12 + (half.startsWith("p") ? 12 : 0);
        } else if (!colon && hour >= 1 && hour <= 6) {
            hour += 12;
        }
        return Optional.of(new Step<>(LocalTime.of(hour, minute), next));
    }

    private static boolean isTomorrow(String word) {
        return FuzzyWords.near(word, "tomorrow") || word.equals("tmrw") || word.equals("tmr") || word.equals("tmw");
    }

    private static Optional<DayOfWeek> weekday(String word) {
        for (DayOfWeek day : DayOfWeek.values()) {
            String name = day.name().toLowerCase(java.util.Locale.ROOT);
            if (FuzzyWords.near(word, name) || (word.length() >= 3 && name.startsWith(word))) {
                return Optional.of(day);
            }
        }
        return Optional.empty();
    }

    private static Optional<Month> month(String word) {
        for (Month month : Month.values()) {
            String name = month.name().toLowerCase(java.util.Locale.ROOT);
            if (word.equals(name) || (word.length() >= 3 && name.startsWith(word)) || word.equals("sept")) {
                return Optional.of(word.equals("sept") ? Month.SEPTEMBER : month);
            }
        }
        return Optional.empty();
    }

    private String word(int i) {
        return tokens.get(i).word();
    }
}
