package dev.alfred.assistant;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How the offline model understands one feature's requests without a language model: a feature
 * turns a message into the same tool call a large model would make ({@code create_task} with
 * {@code {"title": "Call Acme", "due": "2026-11-23T15:00:00+01:00"}}), deterministically.
 *
 * <p>The offline model asks every intent and takes the match with the highest score; it never
 * guesses below {@link #THRESHOLD}. Dates in the arguments are resolved against {@code now}, which
 * is in the speaker's time zone.
 */
public interface OfflineIntent {

    /** Matches below this score are treated as "not understood". */
    double THRESHOLD = 0.5;

    Optional<Match> match(String message, ZonedDateTime now);

    /** Example requests for the "here is what I can do" answer, e.g. "remind Bob to call Acme tomorrow 3pm". */
    List<String> examples();

    /** A tool call with its arguments (JSON-compatible values) and how sure the intent is, 0 to 1. */
    record Match(String tool, Map<String, Object> arguments, double score) {
        public Match {
            arguments = Map.copyOf(arguments);
        }
    }
}
