package dev.alfred.meeting;

import dev.alfred.assistant.OfflineIntent;
import dev.alfred.time.FuzzyWords;
import jakarta.inject.Singleton;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * How the offline model understands meeting requests: "set up a meeting with alice and bob tomorrow
 * at 10 for 30 minutes about budget" ({@code schedule_meeting}), "what meetings do I have"
 * ({@code list_meetings}). A meeting needs a start to be scheduled; without a title it is named after
 * the kind of meeting asked for ("Call", "Sync", "Meeting").
 */
@Singleton
class MeetingIntents implements OfflineIntent {

    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");
    private static final Pattern PREAMBLE = Pattern.compile(
            "(?i)^(?:(?:hey|hi|ok|okay)\\s+)?(?:alfred[,:]?\\s+)?(?:please\\s+|(?:can|could|would|will) you(?: please)?\\s+)?");
    private static final List<String> KINDS = List.of(
            "call", "sync", "catch-up", "catchup", "1:1", "one-on-one", "standup", "stand-up", "huddle", "meet");
    /** A length written before the kind of meeting: "a 45 minute sync", "a 30-min call", "a 1 hour review". */
    private static final Pattern LENGTH = Pattern.compile("(?i)\\b(\\d{1,3})[- ]?(minutes?|mins?|m|hours?|hrs?|h)\\b");

    private static final List<String> FILLERS = List.of("a", "an", "the", "quick", "short", "new", "me", "us", "up");
    private static final List<String> QUESTIONS =
            List.of("what", "what's", "whats", "which", "show", "list", "any", "do", "my", "upcoming", "when", "how");

    @Override
    public List<String> examples() {
        return List.of(
                "set up a meeting with Alice and Bob tomorrow at 10 for 30 minutes about the budget",
                "what meetings do I have");
    }

    @Override
    public Optional<Match> match(String message, ZonedDateTime now) {
        String text = PREAMBLE.matcher(message.strip()).replaceFirst("").replaceAll("[?!.\\s]+$", "");
        List<String> words = List.of(text.split("\\s+"));
        int noun = -1;
        for (int i = 0; i < words.size() && noun < 0; i++) {
            String word = bare(words.get(i));
            if (FuzzyWords.nearAny(word, "meeting", "meetings") || KINDS.contains(word)) {
                noun = i;
            }
        }
        if (noun < 0) {
            return invitation(words, now);
        }
        int verb = verb(words, noun);
        boolean with = noun + 1 < words.size() && bare(words.get(noun + 1)).equals("with");
        boolean asking = message.contains("?") || QUESTIONS.contains(bare(words.getFirst()));
        boolean weakVerb = verb >= 0 && List.of("have", "plan").contains(bare(words.get(verb)));
        if (asking && (verb < 0 || weakVerb)
                || verb < 0 && !with && !bare(words.get(noun)).equals("meet")) {
            return asking && bare(words.get(noun)).startsWith("meeting")
                    ? Optional.of(new Match("list_meetings", Map.of(), 0.8))
                    : Optional.empty();
        }
        return schedule(words, noun, verb, now);
    }

    /** The first scheduling verb before the kind of meeting, or -1. */
    private static int verb(List<String> words, int noun) {
        for (int i = 0; i < noun; i++) {
            String word = bare(words.get(i));
            if (FuzzyWords.nearAny(word, "schedule", "arrange", "organise", "organize", "setup")
                    || List.of("book", "set", "plan", "create", "add", "put", "let's", "lets", "have")
                            .contains(word)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The meeting in the words around the kind of meeting: what stands between the verb and the
     * kind ("a *budget* meeting", "a *45 minute* sync") and everything after it.
     */
    private Optional<Match> schedule(List<String> words, int noun, int verb, ZonedDateTime now) {
        int from = verb < 0 ? 0 : verb + 1;
        while (from < noun && FILLERS.contains(bare(words.get(from)))) {
            from++;
        }
        String before = String.join(" ", words.subList(verb < 0 ? 0 : from, noun));
        @Nullable Integer minutes = null;
        Matcher length = LENGTH.matcher(before);
        if (verb >= 0 && length.find()) {
            minutes = Integer.parseInt(length.group(1))
                    * (length.group(2).toLowerCase(Locale.ROOT).startsWith("h") ? 60 : 1);
            before = before.substring(0, length.start()) + " " + before.substring(length.end());
        }
        String rest = before + " " + String.join(" ", words.subList(noun + 1, words.size()));
        MeetingText.Draft draft = MeetingText.parse(rest.strip(), now);
        if (draft.start() == null) {
            return Optional.empty();
        }
        if (minutes != null && draft.length() == null) {
            draft = new MeetingText.Draft(
                    draft.title(), draft.attendees(), draft.start(), java.time.Duration.ofMinutes(minutes));
        }
        Map<String, Object> arguments =
                arguments(draft, draft.title().isEmpty() ? kind(bare(words.get(noun))) : draft.title());
        return Optional.of(new Match("schedule_meeting", arguments, 0.85));
    }

    /**
     * "schedule a budget review with alice friday 3pm": no word for a meeting, but a scheduling verb
     * first, people to meet and a time.
     */
    private Optional<Match> invitation(List<String> words, ZonedDateTime now) {
        if (!FuzzyWords.nearAny(bare(words.getFirst()), "schedule", "arrange", "organise", "organize")) {
            return Optional.empty();
        }
        int from = 1;
        while (from < words.size() && FILLERS.contains(bare(words.get(from)))) {
            from++;
        }
        MeetingText.Draft draft = MeetingText.parse(String.join(" ", words.subList(from, words.size())), now);
        if (draft.start() == null
                || draft.attendees().isEmpty()
                || draft.title().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Match("schedule_meeting", arguments(draft, draft.title()), 0.8));
    }

    private static Map<String, Object> arguments(MeetingText.Draft draft, String title) {
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("title", title);
        arguments.put("attendees", draft.attendees());
        arguments.put("start", ISO.format(java.util.Objects.requireNonNull(draft.start())));
        if (draft.length() != null) {
            arguments.put("durationMinutes", (int) draft.length().toMinutes());
        }
        return arguments;
    }

    private static String kind(String noun) {
        if (noun.equals("meet") || noun.startsWith("me")) {
            return "Meeting";
        }
        return noun.substring(0, 1).toUpperCase(Locale.ROOT) + noun.substring(1);
    }

    private static String bare(String word) {
        return word.toLowerCase(Locale.ROOT).replaceAll("[,:.!?]$", "");
    }
}
