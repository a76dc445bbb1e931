package dev.alfred.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/** One line of chat read as a task: title, mention, due time, priority and description. */
class TaskTextTest {

    private static final ZonedDateTime NOW = ZonedDateTime.of(2026, 11, 23, 9, 30, 0, 0, ZoneId.of("Europe/Berlin"));

    @Test
    void everyPartIsReadAndTheTitleIsWhatIsLeft() {
        TaskText.Draft draft = TaskText.parse("Call Acme tomorrow 3pm @bob !high -- about the renewal", NOW);

        assertThat(draft.title()).isEqualTo("Call Acme");
        assertThat(draft.assignee()).isEqualTo("@bob");
        assertThat(draft.due()).isEqualTo(NOW.withDayOfMonth(24).withHour(15).withMinute(0));
        assertThat(draft.priority()).isEqualTo(Priority.HIGH);
        assertThat(draft.description()).isEqualTo("about the renewal");
    }

    @Test
    void priorityWordsAndPlatformMentions() {
        assertThat(TaskText.parse("urgent fix prod <@U42>", NOW))
                .satisfies(d -> assertThat(d.priority()).isEqualTo(Priority.URGENT))
                .satisfies(d -> assertThat(d.assignee()).isEqualTo("<@U42>"))
                .satisfies(d -> assertThat(d.title()).isEqualTo("Fix prod"));
        assertThat(TaskText.parse("water plants, low priority", NOW).priority()).isEqualTo(Priority.LOW);
        assertThat(TaskText.parse("plain title", NOW))
                .satisfies(d -> assertThat(d.priority()).isNull())
                .satisfies(d -> assertThat(d.due()).isNull())
                .satisfies(d -> assertThat(d.title()).isEqualTo("Plain title"));
        assertThat(TaskText.parse("email anna@example.com the deck", NOW).assignee())
                .isNull();
    }
}
