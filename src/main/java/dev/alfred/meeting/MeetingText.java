package dev.alfred.meeting;

import dev.alfred.time.TimePhrases;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads a meeting from one line: "Budget review with @alice, Bob and carol tomorrow 10am for 45m".
 * The title is what comes before "with" (or after "about"), the attendees are every mention plus the
 * names after "with" (split at commas, "and" and "&"), the start is the first time phrase and the
 * length follows "for".
 */
final class MeetingText {

    /** What the line says; absent parts are null. */
    record Draft(
            String title,
            List<String> attendees,
            @Nullable ZonedDateTime start,
            @Nullable Duration length) {}

    private static final String GAP = " \u0000 ";
    private static final Pattern MENTION = Pattern.compile("<@!?[A-Za-z0-9]+(?:\\|[^>]*)?>|(?<![\\w@])@[\\w.-]+");
    private static final Pattern WITH = Pattern.compile("(?i)(?:^|\\s)with\\s+");
    private static final Pattern ABOUT = Pattern.compile("(?i)(?:^|\\s)(?:about|re|on the topic of|to discuss)\\s+");
    private static final Pattern NAMES = Pattern.compile("(?i)\\s*(?:,|&|\\band\\b)\\s*");

    private MeetingText() {}

    static Draft parse(String line, ZonedDateTime now) {
        String text = line.strip();
        Duration length = null;
        Optional<TimePhrases.FoundDuration> duration = TimePhrases.findDuration(text);
        if (duration.isPresent()) {
            length = duration.get().duration();
            text = cut(text, duration.get().start(), duration.get().end());
        }
        ZonedDateTime start = null;
        Optional<TimePhrases.Found> when = TimePhrases.find(text, now);
        if (when.isPresent()) {
            start = when.get().at();
            text = cut(text, when.get().start(), when.get().end());
        }
        List<String> attendees = new ArrayList<>();
        String title = text;
        String topic = null;
        Matcher about = ABOUT.matcher(title);
        if (about.find()) {
            topic = until(title.substring(about.end()));
            title = title.substring(0, about.start()) + GAP + title.substring(about.end() + topic.length());
        }
        Matcher with = WITH.matcher(title);
        if (with.find()) {
            String names = until(title.substring(with.end()));
            for (String name : NAMES.split(names)) {
                if (!name.isBlank()) {
                    attendees.addAll(people(name.strip()));
                }
            }
            title = title.substring(0, with.start()) + GAP + title.substring(with.end() + names.length());
        }
        Matcher mention = MENTION.matcher(title);
        while (mention.find()) {
            attendees.add(mention.group());
        }
        title = clean(MENTION.matcher(title).replaceAll(" "));
        if (title.isEmpty() && topic != null) {
            title = clean(topic);
        }
        return new Draft(title, List.copyOf(attendees), start, length);
    }

    /** One listed person, or several mentions written side by side ("@alice @bob"). */
    private static List<String> people(String name) {
        String[] words = name.split("\\s+");
        boolean mentions = true;
        for (String word : words) {
            mentions &= MENTION.matcher(word).matches();
        }
        return mentions ? List.of(words) : List.of(name);
    }

    private static String until(String text) {
        int gap = text.indexOf('\u0000');
        return gap < 0 ? text : text.substring(0, gap);
    }

    private static String clean(String text) {
        String title =
                text.replace('\u0000', ' ').replaceAll("\\s+", " ").replaceAll("^[\\s,.:;\\-]+|[\\s,.:;\\-]+$", "");
        return title.isEmpty() ? title : title.substring(0, 1).toUpperCase(Locale.ROOT) + title.substring(1);
    }

    private static String cut(String text, int start, int end) {
        return text.substring(0, start) + GAP + text.substring(end);
    }
}
