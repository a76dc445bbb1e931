package dev.alfred.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alfred.assistant.OfflineIntent;
import dev.alfred.testing.AlfredProperties;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The offline model's view of task and meeting requests: every {@link OfflineIntent} bean is asked,
 * the best match at or above the threshold wins, as the offline model does. A table of varied
 * phrasings (typos, word order, relative dates, mentions) with the tool call a large model would
 * make; the accuracy is logged, written to {@code target/offline-accuracy.txt}, and must be at
 * least 90%.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TaskIntentsTableTest implements TestPropertyProvider {

    private static final Logger LOG = LoggerFactory.getLogger(TaskIntentsTableTest.class);

    /** Monday 23 November 2026, 09:30 in Berlin (UTC+1). */
    private static final ZonedDateTime NOW = ZonedDateTime.of(2026, 11, 23, 9, 30, 0, 0, ZoneId.of("Europe/Berlin"));

    @Inject
    List<OfflineIntent> intents;

    @Override
    public Map<String, String> getProperties() {
        return AlfredProperties.fresh();
    }

    record Row(String phrase, String tool, Map<String, Object> arguments) {}

    private static Row row(String phrase, String tool, Object... arguments) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < arguments.length; i += 2) {
            map.put((String) arguments[i], arguments[i + 1]);
        }
        return new Row(phrase, tool, map);
    }

    private static String at(String local) {
        return local + ":00+01:00";
    }

    private static final String CREATE = "create_task";
    private static final String LIST = "list_tasks";
    private static final String STATUS = "update_task_status";
    private static final String REASSIGN = "reassign_task";
    private static final String MEET = "schedule_meeting";
    private static final String MEETINGS = "list_meetings";

    private static final List<Row> TABLE = List.of(
            // Creating tasks: assignees, due phrases, priorities, typos, word order.
            row(
                    "remind Bob to send the invoice by Friday, high priority",
                    CREATE,
                    "title",
                    "Send the invoice",
                    "assignee",
                    "Bob",
                    "due",
                    at("2026-11-27T17:00"),
                    "priority",
                    "high"),
            row("remind me to call Acme tomorrow at 3pm", CREATE, "title", "Call Acme", "due", at("2026-11-24T15:00")),
            row("remnd me to call acme tomorow 3pm", CREATE, "title", "Call acme", "due", at("2026-11-24T15:00")),
            row(
                    "create a task to review the contract by next Friday",
                    CREATE,
                    "title",
                    "Review the contract",
                    "due",
                    at("2026-11-27T17:00")),
            row("add task: update the pricing page", CREATE, "title", "Update the pricing page"),
            row(
                    "new task for @carol: prepare the slides friday",
                    CREATE,
                    "title",
                    "Prepare the slides",
                    "assignee",
                    "@carol",
                    "due",
                    at("2026-11-27T17:00")),
            row(
                    "ask Dana to check the server logs in 2 hours",
                    CREATE,
                    "title",
                    "Check the server logs",
                    "assignee",
                    "Dana",
                    "due",
                    at("2026-11-23T11:30")),
            row(
                    "tell Erin to book the venue on 2026-12-01",
                    CREATE,
                    "title",
                    "Book the venue",
                    "assignee",
                    "Erin",
                    "due",
                    at("2026-12-01T17:00")),
            row("by friday call acme", CREATE, "title", "Call acme", "due", at("2026-11-27T17:00")),
            row(
                    "I need to renew the domain by Dec 3",
                    CREATE,
                    "title",
                    "Renew the domain",
                    "due",
                    at("2026-12-03T17:00")),
            row("todo: order new laptops !urgent", CREATE, "title", "Order new laptops", "priority", "urgent"),
            row(
                    "remind <@U123ABC> to approve the budget today at 17:30",
                    CREATE,
                    "title",
                    "Approve the budget",
                    "assignee",
                    "<@U123ABC>",
                    "due",
                    at("2026-11-23T17:30")),
            row(
                    "please remind bob to water the plants wednesday morning",
                    CREATE,
                    "title",
                    "Water the plants",
                    "assignee",
                    "bob",
                    "due",
                    at("2026-11-25T09:00")),
            row("create an urgent task: fix the login bug", CREATE, "title", "Fix the login bug", "priority", "urgent"),
            row(
                    "add a task for Frank to clean up the wiki, low priority",
                    CREATE,
                    "title",
                    "Clean up the wiki",
                    "assignee",
                    "Frank",
                    "priority",
                    "low"),
            row(
                    "can you remind me to send the report in 30 min",
                    CREATE,
                    "title",
                    "Send the report",
                    "due",
                    at("2026-11-23T10:00")),
            row("remind me tomorrow to pay rent", CREATE, "title", "Pay rent", "due", at("2026-11-24T17:00")),
            row(
                    "don't forget to email the lawyer on thursday",
                    CREATE,
                    "title",
                    "Email the lawyer",
                    "due",
                    at("2026-11-26T17:00")),
            row(
                    "have Gina prepare the onboarding deck by next week",
                    CREATE,
                    "title",
                    "Prepare the onboarding deck",
                    "assignee",
                    "Gina",
                    "due",
                    at("2026-11-30T17:00")),
            row(
                    "tomorrow 9am send the standup notes",
                    CREATE,
                    "title",
                    "Send the standup notes",
                    "due",
                    at("2026-11-24T09:00")),
            row("task: call the bank asap", CREATE, "title", "Call the bank", "priority", "high"),
            row(
                    "make a task to archive old tickets in 3 days",
                    CREATE,
                    "title",
                    "Archive old tickets",
                    "due",
                    at("2026-11-26T17:00")),
            row(
                    "remind @henry to submit timesheet friday 5pm",
                    CREATE,
                    "title",
                    "Submit timesheet",
                    "assignee",
                    "@henry",
                    "due",
                    at("2026-11-27T17:00")),
            row("create task update CRM at 4pm", CREATE, "title", "Update CRM", "due", at("2026-11-23T16:00")),
            row(
                    "Remind Ivy Chen to sign the NDA by Dec 10",
                    CREATE,
                    "title",
                    "Sign the NDA",
                    "assignee",
                    "Ivy Chen",
                    "due",
                    at("2026-12-10T17:00")),
            row("add to my todo list: buy printer ink", CREATE, "title", "Buy printer ink"),
            row(
                    "remind me to follow up with Acme in an hour",
                    CREATE,
                    "title",
                    "Follow up with Acme",
                    "due",
                    at("2026-11-23T10:30")),
            row(
                    "creat a taks to renew insurance next monday",
                    CREATE,
                    "title",
                    "Renew insurance",
                    "due",
                    at("2026-11-30T17:00")),
            row(
                    "i have to submit the tax return by 2026-12-15T12:00",
                    CREATE,
                    "title",
                    "Submit the tax return",
                    "due",
                    at("2026-12-15T12:00")),
            row(
                    "Alfred, remind Jack to renew the SSL certificate in 3 days, urgent",
                    CREATE,
                    "title",
                    "Renew the SSL certificate",
                    "assignee",
                    "Jack",
                    "due",
                    at("2026-11-26T17:00"),
                    "priority",
                    "urgent"),
            row(
                    "ask @kim to draft the newsletter tonight",
                    CREATE,
                    "title",
                    "Draft the newsletter",
                    "assignee",
                    "@kim",
                    "due",
                    at("2026-11-23T20:00")),
            row("remind me on Dec 24 to buy gifts", CREATE, "title", "Buy gifts", "due", at("2026-12-24T17:00")),
            row(
                    "next tuesday at 11:00 prepare the board report",
                    CREATE,
                    "title",
                    "Prepare the board report",
                    "due",
                    at("2026-11-24T11:00")),
            row(
                    "remind leo to call the supplier in half an hour",
                    CREATE,
                    "title",
                    "Call the supplier",
                    "assignee",
                    "leo",
                    "due",
                    at("2026-11-23T10:00")),
            // Listing tasks.
            row("what are my tasks", LIST, "scope", "mine"),
            row("show my tasks", LIST, "scope", "mine"),
            row("show team tasks", LIST, "scope", "team"),
            row("list my team's tasks", LIST, "scope", "team"),
            row("which tasks did I assign to others?", LIST, "scope", "created"),
            row("tasks I created", LIST, "scope", "created"),
            row("show my completed tasks", LIST, "scope", "mine", "status", "done"),
            row("waht are my taks", LIST, "scope", "mine"),
            row("do I have any open tasks?", LIST, "scope", "mine", "status", "open"),
            row("what's on my plate", LIST, "scope", "mine"),
            row("list cancelled tasks", LIST, "scope", "mine", "status", "cancelled"),
            row("show me the tasks I delegated", LIST, "scope", "created"),
            row("my todo list", LIST, "scope", "mine"),
            // Changing status.
            row("mark task 12 as done", STATUS, "taskId", 12L, "status", "done"),
            row("i finished #12", STATUS, "taskId", 12L, "status", "done"),
            row("complete task 7", STATUS, "taskId", 7L, "status", "done"),
            row("task 5 is done", STATUS, "taskId", 5L, "status", "done"),
            row("cancel task 9", STATUS, "taskId", 9L, "status", "cancelled"),
            row("close #3", STATUS, "taskId", 3L, "status", "done"),
            row("reopen task 4", STATUS, "taskId", 4L, "status", "open"),
            row("done with 15", STATUS, "taskId", 15L, "status", "done"),
            row("mark #21 complete", STATUS, "taskId", 21L, "status", "done"),
            row("drop task 8, not needed anymore", STATUS, "taskId", 8L, "status", "cancelled"),
            row("mark tsk 6 as finshed", STATUS, "taskId", 6L, "status", "done"),
            // Reassigning.
            row("reassign 12 to carol", REASSIGN, "taskId", 12L, "assignee", "carol"),
            row("give task 4 to @dan", REASSIGN, "taskId", 4L, "assignee", "@dan"),
            row("assign #9 to Erin Smith", REASSIGN, "taskId", 9L, "assignee", "Erin Smith"),
            row("hand task 3 over to bob", REASSIGN, "taskId", 3L, "assignee", "bob"),
            row("move task 11 to frank please", REASSIGN, "taskId", 11L, "assignee", "frank"),
            row("reasign task 2 to gina", REASSIGN, "taskId", 2L, "assignee", "gina"),
            // Meetings.
            row(
                    "set up a meeting with alice and bob tomorrow at 10 for 30 minutes about budget",
                    MEET,
                    "title",
                    "Budget",
                    "attendees",
                    List.of("alice", "bob"),
                    "start",
                    at("2026-11-24T10:00"),
                    "durationMinutes",
                    30),
            row(
                    "schedule a meeting with @carol friday 2pm",
                    MEET,
                    "title",
                    "Meeting",
                    "attendees",
                    List.of("@carol"),
                    "start",
                    at("2026-11-27T14:00")),
            row(
                    "book a call with Dana tomorrow 4pm for 1 hour",
                    MEET,
                    "title",
                    "Call",
                    "attendees",
                    List.of("Dana"),
                    "start",
                    at("2026-11-24T16:00"),
                    "durationMinutes",
                    60),
            row(
                    "shedule a meting with erin on thursday at 11am",
                    MEET,
                    "title",
                    "Meeting",
                    "attendees",
                    List.of("erin"),
                    "start",
                    at("2026-11-26T11:00")),
            row(
                    "let's meet with frank and gina next monday 9am to discuss hiring",
                    MEET,
                    "title",
                    "Hiring",
                    "attendees",
                    List.of("frank", "gina"),
                    "start",
                    at("2026-11-30T09:00")),
            row(
                    "schedule a budget review with alice, bob and carol on 2026-12-02 at 15:00 for 90 minutes",
                    MEET,
                    "title",
                    "Budget review",
                    "attendees",
                    List.of("alice", "bob", "carol"),
                    "start",
                    at("2026-12-02T15:00"),
                    "durationMinutes",
                    90),
            row(
                    "arrange a sync with @henry in 2 hours for 15 min",
                    MEET,
                    "title",
                    "Sync",
                    "attendees",
                    List.of("@henry"),
                    "start",
                    at("2026-11-23T11:30"),
                    "durationMinutes",
                    15),
            row(
                    "tomorrow 3pm meeting with ivy about the roadmap",
                    MEET,
                    "title",
                    "The roadmap",
                    "attendees",
                    List.of("ivy"),
                    "start",
                    at("2026-11-24T15:00")),
            row(
                    "organise a 1:1 with jack friday 10am for 45m",
                    MEET,
                    "title",
                    "1:1",
                    "attendees",
                    List.of("jack"),
                    "start",
                    at("2026-11-27T10:00"),
                    "durationMinutes",
                    45),
            row("what meetings do I have", MEETINGS),
            row("show my meetings", MEETINGS),
            row("any meetings tomorrow?", MEETINGS),
            row("list my upcoming meetings", MEETINGS),
            // Another feature's question goes to that feature's tool, not to a task or meeting one.
            row("what was our churn last month?", "get_metric", "key", "customer_churn_rate", "period", "2026-10"),
            // Nothing at or above the threshold.
            row("hello there", "none"));

    /**
     * A second batch, written after the rules were fitted to {@link #TABLE}. Measured before any
     * change it got 16 of 22 (72.7%): a fairer guess at how the rules do on unseen phrasings. The
     * misses then led to fixes ("reminder to ...", "what's assigned to me", a length before the
     * kind of meeting, a question about meetings, a dangling "for"), so it is no longer unseen.
     */
    private static final List<Row> HELD_OUT = List.of(
            row(
                    "remind sam to send the contract tmrw",
                    CREATE,
                    "title",
                    "Send the contract",
                    "assignee",
                    "sam",
                    "due",
                    at("2026-11-24T17:00")),
            row(
                    "could you add a task for @tina to update the roadmap by thursday 2pm",
                    CREATE,
                    "title",
                    "Update the roadmap",
                    "assignee",
                    "@tina",
                    "due",
                    at("2026-11-26T14:00")),
            row(
                    "i should call the accountant this afternoon",
                    CREATE,
                    "title",
                    "Call the accountant",
                    "due",
                    at("2026-11-23T14:00")),
            row(
                    "new todo: clean the fridge on friday !low",
                    CREATE,
                    "title",
                    "Clean the fridge",
                    "due",
                    at("2026-11-27T17:00"),
                    "priority",
                    "low"),
            row(
                    "ask Uma to fix the invoice template asap",
                    CREATE,
                    "title",
                    "Fix the invoice template",
                    "assignee",
                    "Uma",
                    "priority",
                    "high"),
            row(
                    "reminder to renew passport in 2 weeks",
                    CREATE,
                    "title",
                    "Renew passport",
                    "due",
                    at("2026-12-07T17:00")),
            row("show me what's assigned to me", LIST, "scope", "mine"),
            row("what did I give to others", LIST, "scope", "created"),
            row("list tasks for my team", LIST, "scope", "team"),
            row("mark 14 done", STATUS, "taskId", 14L, "status", "done"),
            row("cancel #30", STATUS, "taskId", 30L, "status", "cancelled"),
            row("task 18 finished", STATUS, "taskId", 18L, "status", "done"),
            row("please reassign task 19 to Vera", REASSIGN, "taskId", 19L, "assignee", "Vera"),
            row("assign task 22 to @walt", REASSIGN, "taskId", 22L, "assignee", "@walt"),
            row(
                    "schedule a call with xavier tomorrow at 2:30pm",
                    MEET,
                    "title",
                    "Call",
                    "attendees",
                    List.of("xavier"),
                    "start",
                    at("2026-11-24T14:30")),
            row(
                    "set up a 45 minute sync with yara and zoe on friday at 9am",
                    MEET,
                    "title",
                    "Sync",
                    "attendees",
                    List.of("yara", "zoe"),
                    "start",
                    at("2026-11-27T09:00"),
                    "durationMinutes",
                    45),
            row("do I have meetings today?", MEETINGS),
            row("remind me to stretch in 45 minutes", CREATE, "title", "Stretch", "due", at("2026-11-23T10:15")),
            row(
                    "by tomorrow noon finish the slides for @amy",
                    CREATE,
                    "title",
                    "Finish the slides",
                    "assignee",
                    "@amy",
                    "due",
                    at("2026-11-24T12:00")),
            row(
                    "urgent: call the client back today",
                    CREATE,
                    "title",
                    "Call the client back",
                    "due",
                    at("2026-11-23T17:00"),
                    "priority",
                    "urgent"),
            row(
                    "book a meeting with carl for 2 hours on 2026-12-03 at 13:00",
                    MEET,
                    "title",
                    "Meeting",
                    "attendees",
                    List.of("carl"),
                    "start",
                    at("2026-12-03T13:00"),
                    "durationMinutes",
                    120),
            row("I completed task 40", STATUS, "taskId", 40L, "status", "done"));

    private Optional<OfflineIntent.Match> best(String phrase) {
        return intents.stream()
                .map(intent -> intent.match(phrase, NOW))
                .flatMap(Optional::stream)
                .filter(match -> match.score() >= OfflineIntent.THRESHOLD)
                .max(Comparator.comparingDouble(OfflineIntent.Match::score));
    }

    private List<String> misses(List<Row> rows) {
        List<String> misses = new ArrayList<>();
        for (Row row : rows) {
            Optional<OfflineIntent.Match> match = best(row.phrase());
            String tool = match.map(OfflineIntent.Match::tool).orElse("none");
            Map<String, Object> arguments =
                    match.map(OfflineIntent.Match::arguments).orElse(Map.of());
            if (!tool.equals(row.tool()) || !arguments.equals(row.arguments())) {
                misses.add("\"%s\": expected %s %s, got %s %s"
                        .formatted(row.phrase(), row.tool(), row.arguments(), tool, arguments));
            }
        }
        return misses;
    }

    private static String line(String name, int size, int missed) {
        return String.format(
                Locale.ROOT,
                "%s: %d of %d phrasings right, accuracy %.1f%%%n",
                name,
                size - missed,
                size,
                100.0 * (size - missed) / size);
    }

    @Test
    void theOfflineModelUnderstandsAtLeast90PercentOfTheTable() throws IOException {
        assertThat(TABLE.size() + HELD_OUT.size()).isGreaterThanOrEqualTo(60);
        List<String> tuned = misses(TABLE);
        List<String> unseen = misses(HELD_OUT);
        int size = TABLE.size() + HELD_OUT.size();
        int missed = tuned.size() + unseen.size();
        String report = line("offline model intents (tasks, meetings, metrics), all phrasings", size, missed)
                + line("  tuned table", TABLE.size(), tuned.size())
                + line("  second batch (16 of 22 before the fixes it prompted)", HELD_OUT.size(), unseen.size())
                + String.join(System.lineSeparator(), tuned)
                + (tuned.isEmpty() ? "" : System.lineSeparator())
                + String.join(System.lineSeparator(), unseen);
        LOG.info("Offline model accuracy:\n{}", report);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "offline-accuracy.txt"), report + System.lineSeparator());
        assertThat((size - missed) / (double) size).as(report).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void examplesAreUnderstoodByTheirOwnIntent() {
        for (OfflineIntent intent : intents) {
            for (String example : intent.examples()) {
                assertThat(intent.match(example, NOW)).as(example).isPresent();
            }
        }
    }
}
