package dev.alfred.task;

import dev.alfred.assistant.OfflineIntent;
import dev.alfred.time.FuzzyWords;
import dev.alfred.time.TimePhrases;
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
 * How the offline model understands task requests: "remind Bob to send the invoice by Friday, high
 * priority" ({@code create_task}), "what are my tasks" ({@code list_tasks}), "i finished #12"
 * ({@code update_task_status}), "reassign 12 to carol" ({@code reassign_task}). Tolerates small
 * typos in the key words ("remnd", "taks", "tomorow") and dates anywhere in the sentence; dates in
 * the arguments are ISO with the speaker's offset.
 */
@Singleton
class TaskIntents implements OfflineIntent {

    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");
    private static final Pattern PREAMBLE = Pattern.compile(
            "(?i)^(?:(?:hey|hi|ok|okay)\\s+)?(?:alfred[,:]?\\s+)?(?:please\\s+|(?:can|could|would|will) you(?: please)?\\s+)?");
    private static final Pattern SELF = Pattern.compile(
            "(?i)^(?:i need to|i have to|i must|i should|i gotta|need to|don'?t forget to|note to self:?|reminder(?: to|:))\\s+");
    private static final Pattern LABEL = Pattern.compile("(?i)^(?:task|todo|to-do)\\s*:\\s*");
    private static final Pattern MENTION = Pattern.compile("<@!?[A-Za-z0-9]+(?:\\|[^>]*)?>|@[\\w.-]+");
    private static final Pattern TASK_ID =
            Pattern.compile("(?i)(?:#|\\b(?:tasks?|tsk|taks|item|number)\\s*#?)(\\d{1,9})\\b");
    private static final Pattern BARE_ID =
            Pattern.compile("(?i)(?<![\\d:.])\\b(\\d{1,9})\\b(?!\\s*(?::|am\\b|pm\\b|h\\b|hours?\\b|min))");
    private static final Pattern TO_WHOM = Pattern.compile("(?i)\\bto\\s+(.+?)(?:\\s+please)?$");
    private static final List<String> QUESTIONS = List.of(
            "what", "what's", "whats", "waht", "which", "show", "list", "display", "any", "do", "how", "get", "see",
            "give", "view");

    @Override
    public List<String> examples() {
        return List.of(
                "remind Bob to send the invoice by Friday, high priority",
                "what are my tasks",
                "mark task 12 as done",
                "reassign 12 to Carol");
    }

    @Override
    public Optional<Match> match(String message, ZonedDateTime now) {
        String text = PREAMBLE.matcher(message.strip()).replaceFirst("").replaceAll("[?!.\\s]+$", "");
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Optional<Match> created = explicitCreate(text, now);
        if (created.isPresent()) {
            return created;
        }
        Optional<Match> changed = change(text);
        if (changed.isPresent()) {
            return changed;
        }
        Optional<Match> listed = list(text, message.contains("?"));
        if (listed.isPresent()) {
            return listed;
        }
        boolean question =
                message.contains("?") || QUESTIONS.contains(words(text).getFirst());
        if (!question && TimePhrases.find(text, now).isPresent()) {
            return create(text, null, null, now, 0.55);
        }
        return Optional.empty();
    }

    private Optional<Match> explicitCreate(String text, ZonedDateTime now) {
        Matcher self = SELF.matcher(text);
        if (self.find()) {
            return create(text.substring(self.end()), null, null, now, 0.8);
        }
        Matcher label = LABEL.matcher(text);
        if (label.find()) {
            return create(text.substring(label.end()), null, null, now, 0.9);
        }
        List<String> words = List.of(text.split("\\s+"));
        String first = words.getFirst().toLowerCase(Locale.ROOT);
        if (FuzzyWords.near(first, "remind")
                || List.of("ask", "tell", "have", "get", "nudge").contains(first)) {
            return person(words, 1, text, now);
        }
        if (FuzzyWords.nearAny(first, "create", "add", "make", "new", "log", "open")) {
            return listedTask(words, now);
        }
        return Optional.empty();
    }

    /** "remind Bob to ...", "ask Ivy Chen to ...", "have Gina prepare ...", "remind me tomorrow to ...". */
    private Optional<Match> person(List<String> words, int at, String text, ZonedDateTime now) {
        if (at >= words.size()) {
            return Optional.empty();
        }
        String who = words.get(at).replaceAll("[,:]$", "");
        int next = at + 1;
        if (who.equalsIgnoreCase("me") || who.equalsIgnoreCase("myself")) {
            return create(String.join(" ", words.subList(next, words.size())), null, null, now, 0.9);
        }
        if (!MENTION.matcher(who).matches()
                && next + 1 < words.size()
                && Character.isUpperCase(words.get(next).charAt(0))
                && words.get(next + 1).equalsIgnoreCase("to")) {
            who = who + " " + words.get(next);
            next++;
        }
        return create(String.join(" ", words.subList(next, words.size())), who, null, now, 0.9);
    }

    /** "create a task to ...", "new task for @carol: ...", "add an urgent task: ...", "add to my todo list: ...". */
    private Optional<Match> listedTask(List<String> words, ZonedDateTime now) {
        int i = 1;
        @Nullable Priority priority = null;
        while (i < words.size()) {
            String word = bare(words.get(i));
            if (List.of("a", "an", "new", "me", "another", "to", "my", "the", "quick")
                    .contains(word)) {
                i++;
            } else if (List.of("urgent", "high", "low").contains(word)) {
                priority = word.equals("urgent") ? Priority.URGENT : Priority.of(word);
                i += i + 1 < words.size() && bare(words.get(i + 1)).startsWith("prio") ? 2 : 1;
            } else {
                break;
            }
        }
        if (i >= words.size() || !isTaskWord(bare(words.get(i)))) {
            return Optional.empty();
        }
        i++;
        if (i < words.size() && bare(words.get(i)).equals("list")) {
            i++;
        }
        @Nullable String assignee = null;
        if (i + 1 < words.size() && bare(words.get(i)).equals("for")) {
            assignee = words.get(i + 1).replaceAll("[,:]$", "");
            i += 2;
        }
        return create(String.join(" ", words.subList(i, words.size())), assignee, priority, now, 0.9);
    }

    private Optional<Match> create(
            String rest, @Nullable String assignee, @Nullable Priority priority, ZonedDateTime now, double score) {
        TaskText.Draft draft = TaskText.parse(rest.replaceFirst("^[:,]\\s*", ""), now);
        if (draft.title().isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("title", draft.title());
        String who = assignee != null ? assignee : draft.assignee();
        if (who != null) {
            arguments.put("assignee", who);
        }
        if (draft.due() != null) {
            arguments.put("due", ISO.format(draft.due()));
        }
        Priority level = draft.priority() != null ? draft.priority() : priority;
        if (level != null) {
            arguments.put("priority", level.key());
        }
        if (draft.description() != null) {
            arguments.put("description", draft.description());
        }
        return Optional.of(new Match("create_task", arguments, score));
    }

    /** "mark task 12 as done", "i finished #12", "cancel task 9", "reassign 12 to carol". */
    private Optional<Match> change(String text) {
        List<String> words = words(text);
        boolean reassign = words.stream()
                .anyMatch(w -> FuzzyWords.nearAny(w, "reassign", "assign", "transfer", "delegate")
                        || List.of("give", "hand", "move", "pass").contains(w));
        Optional<String> status = status(words);
        if (!reassign && status.isEmpty()) {
            return Optional.empty();
        }
        Matcher id = TASK_ID.matcher(text);
        Matcher bare = BARE_ID.matcher(text);
        @Nullable String number = id.find() ? id.group(1) : bare.find() ? bare.group(1) : null;
        if (number == null) {
            return Optional.empty();
        }
        long taskId = Long.parseLong(number);
        if (reassign) {
            Matcher to = TO_WHOM.matcher(text.substring(text.indexOf(number) + number.length()));
            if (to.find()) {
                String who = to.group(1).replaceAll("^(?i)over\\s+to\\s+", "").strip();
                return Optional.of(new Match("reassign_task", Map.of("taskId", taskId, "assignee", who), 0.9));
            }
        }
        return status.map(s -> new Match("update_task_status", Map.of("taskId", taskId, "status", s), 0.9));
    }

    private static Optional<String> status(List<String> words) {
        for (String word : words) {
            if (word.equals("reopen") || word.equals("re-open") || word.equals("undo")) {
                return Optional.of("open");
            }
            if (FuzzyWords.nearAny(word, "cancel", "cancelled", "canceled")
                    || List.of("drop", "scrap", "abort", "delete", "remove").contains(word)) {
                return Optional.of("cancelled");
            }
            if (FuzzyWords.nearAny(word, "finished", "finish", "complete", "completed", "closed", "resolved")
                    || List.of("done", "close", "did").contains(word)) {
                return Optional.of("done");
            }
        }
        return Optional.empty();
    }

    /** "what are my tasks", "show team tasks", "tasks I delegated", "show my completed tasks". */
    private Optional<Match> list(String text, boolean question) {
        String lower = text.toLowerCase(Locale.ROOT);
        List<String> words = words(text);
        boolean about = words.stream().anyMatch(TaskIntents::isTaskWord)
                || lower.matches(".*\\b(on my plate|to do list|assigned to me|(did|have) i (give|assign|delegate)"
                        + "|i (gave|assigned|delegated))\\b.*");
        if (!about) {
            return Optional.empty();
        }
        boolean asking = question || words.size() <= 4 || words.stream().anyMatch(QUESTIONS::contains);
        if (!asking) {
            return Optional.empty();
        }
        Map<String, Object> arguments = new LinkedHashMap<>();
        if (words.contains("team") || words.contains("team's") || words.contains("teams")) {
            arguments.put("scope", "team");
        } else if (lower.matches(".*\\b(i (assigned|created|gave|delegated)|delegated|(assigned|created) by me"
                + "|gave out|to others|(did|have) i (give|assign|delegate))\\b.*")) {
            arguments.put("scope", "created");
        } else {
            arguments.put("scope", "mine");
        }
        for (String word : words) {
            if (FuzzyWords.nearAny(word, "completed", "finished") || word.equals("done") || word.equals("closed")) {
                arguments.put("status", "done");
            } else if (FuzzyWords.nearAny(word, "cancelled", "canceled")) {
                arguments.put("status", "cancelled");
            } else if (List.of("open", "pending", "outstanding").contains(word)) {
                arguments.put("status", "open");
            }
        }
        return Optional.of(new Match("list_tasks", arguments, 0.8));
    }

    private static boolean isTaskWord(String word) {
        return word.equals("task")
                || FuzzyWords.near(word, "tasks")
                || List.of("todo", "todos", "to-do", "to-dos", "reminder").contains(word);
    }

    private static List<String> words(String text) {
        return List.of(text.toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}#@'\\-\\s]", " ")
                .strip()
                .split("\\s+"));
    }

    private static String bare(String word) {
        return word.toLowerCase(Locale.ROOT).replaceAll("[,:.!]$", "");
    }
}
