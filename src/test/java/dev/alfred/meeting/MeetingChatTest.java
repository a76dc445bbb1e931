package dev.alfred.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.alfred.channel.Inbound;
import dev.alfred.channel.Reply;
import dev.alfred.identity.Actor;
import dev.alfred.identity.Role;
import dev.alfred.testing.ChatDriver;
import dev.alfred.testing.FakeChannel;
import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** {@code /meet} through the fake channel: the .ics confirmation, the attendee's invitation, a conflict. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MeetingChatTest implements TestPropertyProvider {

    @Inject
    ApplicationContext context;

    @Inject
    FakeChannel channel;

    @Inject
    ScheduleMeetingTool scheduleMeeting;

    @Inject
    ListMeetingsTool listMeetings;

    @Inject
    io.micronaut.transaction.TransactionOperations<java.sql.Connection> tx;

    @Override
    public Map<String, String> getProperties() {
        return ChatDriver.properties();
    }

    private Actor person(String platformId, String name, String zone) {
        return chat().person(platformId, name, Role.EMPLOYEE, zone);
    }

    private void send(String platformId, String chat, String text) {
        chat().send(platformId, chat, Inbound.Kind.COMMAND, text);
    }

    private Reply reply(String chat, int index) {
        return chat().reply(chat, index);
    }

    private List<Reply> replies(String chat) {
        return chat().replies(chat);
    }

    private ChatDriver chat() {
        return new ChatDriver(context);
    }

    @Test
    void aMeetingIsConfirmedWithAnIcsAndAClashIsRefused() {
        person("mia-1", "Mia Organizer", "America/New_York");
        person("noah-1", "Noah Guest", "UTC");
        String chat = "chat-" + UUID.randomUUID();

        send("mia-1", chat, "meet Budget review with @noah tomorrow 10am for 45m");

        Reply confirmed = reply(chat, 0);
        assertThat(confirmed.text()).contains("Scheduled meeting #", "*Budget review*", "Noah Guest", "Mia Organizer");
        assertThat(confirmed.attachment()).isNotNull();
        assertThat(confirmed.attachment().mimeType()).isEqualTo("text/calendar");
        String ics = new String(confirmed.attachment().data(), StandardCharsets.UTF_8);
        ZonedDateTime start = ZonedDateTime.now(ZoneId.of("America/New_York"))
                .plusDays(1)
                .with(LocalTime.of(10, 0))
                .withZoneSameInstant(ZoneOffset.UTC);
        DateTimeFormatter utc = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
        assertThat(ics)
                .contains("SUMMARY:Budget review\r\n")
                .contains("DTSTART:" + utc.format(start) + "\r\n")
                .contains("DTEND:" + utc.format(start.plusMinutes(45)) + "\r\n")
                .contains("ORGANIZER;CN=Mia Organizer:")
                .contains("ATTENDEE;CN=Noah Guest;");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> channel.delivered().stream()
                        .anyMatch(a -> a.message().isDirect()
                                && a.message().directUser().equals("noah-1")
                                && a.message().reply().text().contains("Mia Organizer invited you")
                                && a.message().reply().attachment() != null));

        send("mia-1", chat, "meet Clash with @noah tomorrow 10:30am");

        assertThat(reply(chat, 1).text()).contains("Not everyone is free then", "has *Budget review*");
        send("mia-1", chat, "meet");
        assertThat(reply(chat, 2).text()).contains("Budget review").doesNotContain("Clash");
    }

    @Test
    void theScheduleToolTakesAStartWithoutOffsetInTheCallersZoneAndAttachesTheInvitation() {
        Actor olivia = person("olivia-1", "Olivia Tool", "Asia/Tokyo");
        person("pete-1", "Pete Tool", "UTC");
        var caller = new dev.alfred.assistant.ToolCaller(olivia, ZoneId.of("Asia/Tokyo"));
        String day =
                java.time.LocalDate.now(ZoneId.of("Asia/Tokyo")).plusDays(2).toString();

        var result = tx.executeWrite(status -> scheduleMeeting.call(
                new ScheduleMeetingTool.Input("Launch, plan", List.of("Pete"), day + "T09:00", 20), caller));

        assertThat(result.text()).startsWith("Scheduled meeting #").contains("*Launch, plan*", "Pete Tool");
        assertThat(result.attachment()).isNotNull();
        String ics = new String(result.attachment().data(), StandardCharsets.UTF_8);
        assertThat(ics).contains("SUMMARY:Launch\\, plan\r\n").contains("DTSTART:" + day.replace("-", "") + "T000000Z");
        assertThat(tx.executeWrite(status -> listMeetings.call(new ListMeetingsTool.Input(null), caller))
                        .text())
                .contains("Launch, plan");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> tx.executeWrite(status -> scheduleMeeting.call(
                        new ScheduleMeetingTool.Input("Again", List.of("Pete"), day + "T09:10:00+09:00", 30), caller))))
                .isInstanceOf(dev.alfred.problem.Problem.class)
                .hasMessageContaining("Pete Tool has *Launch, plan*");
    }
}
