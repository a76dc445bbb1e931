package dev.alfred.channel.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import dev.alfred.channel.Channel;
import dev.alfred.channel.Delivery;
import dev.alfred.channel.Inbound;
import dev.alfred.channel.Outbound;
import dev.alfred.channel.Reply;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Drafts and the final reply that replaces them, through the SDK's real clients against the fake. */
class SlackDraftsTest {

    FakeSlack fake;
    Slack slack;
    SlackSender sender;
    SlackDrafts drafts;

    @BeforeEach
    void start() throws IOException {
        fake = new FakeSlack();
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(fake.apiUrl());
        config.setStatsEnabled(false);
        slack = Slack.getInstance(config);
        sender = new SlackSender(slack, slack.methods(FakeSlack.BOT_TOKEN), error -> {});
        drafts = new SlackDrafts(slack.methods(FakeSlack.BOT_TOKEN), sender);
    }

    @AfterEach
    void stop() throws Exception {
        slack.close();
        fake.close();
    }

    static Inbound event(Map<String, String> address) {
        return new Inbound(
                "alfred", "slack", "e1", FakeSlack.TEAM, "D1", "U1", null, Inbound.Kind.TEXT, "how is MRR?", address);
    }

    static Reply answer() {
        return Reply.text("MRR is *42k*")
                .withCard(new Reply.Card(
                        "MRR",
                        List.of(),
                        List.of(new Reply.Button("Chart", "metric mrr", Reply.Button.Style.PRIMARY))));
    }

    static Outbound finalReply(long id, Map<String, String> eventAddress, String draft) {
        Map<String, String> address = new HashMap<>(eventAddress);
        address.put(Channel.DRAFT, draft);
        return new Outbound(id, "alfred", "slack", "D1", answer(), address, 1);
    }

    String firstDraft(Map<String, String> address) {
        Delivery first = drafts.show(event(address), "MRR is", null);
        assertThat(first).isInstanceOf(Delivery.Sent.class);
        return ((Delivery.Sent) first).messageId();
    }

    @Test
    void two_drafts_and_the_final_reply_are_one_post_and_two_updates() {
        Map<String, String> thread = Map.of(SlackListeners.THREAD_TS, "17.1");
        String ts = firstDraft(thread);
        assertThat(drafts.show(event(thread), "MRR is *42", ts)).isEqualTo(new Delivery.Sent(ts));

        assertThat(sender.send(finalReply(1, thread, ts))).isEqualTo(new Delivery.Sent(ts));

        assertThat(fake.calls("chat.postMessage"))
                .singleElement()
                .satisfies(post -> assertThat(post.params())
                        .containsEntry("channel", "D1")
                        .containsEntry("thread_ts", "17.1")
                        .containsEntry("text", "MRR is"));
        List<FakeSlack.Call> updates = fake.calls("chat.update");
        assertThat(updates)
                .hasSize(2)
                .allSatisfy(update -> assertThat(update.params())
                        .containsEntry("channel", "D1")
                        .containsEntry("ts", ts));
        assertThat(updates.getLast().params().get("text")).startsWith("MRR is *42k*");
        assertThat(updates.getLast().params().get("blocks"))
                .contains("\"type\":\"actions\"", "\"value\":\"metric mrr\"");
    }

    @Test
    void a_draft_slack_can_no_longer_edit_gives_way_to_a_new_message() {
        String ts = firstDraft(Map.of());
        fake.errorNext("/api/chat.update", "message_not_found");

        Delivery delivery = sender.send(finalReply(2, Map.of(), ts));

        assertThat(delivery)
                .isInstanceOfSatisfying(
                        Delivery.Sent.class, s -> assertThat(s.messageId()).isNotEqualTo(ts));
        assertThat(fake.calls("chat.postMessage")).hasSize(2);
        assertThat(fake.calls("chat.postMessage").getLast().params().get("blocks"))
                .contains("\"value\":\"metric mrr\"");
    }

    @Test
    void a_transient_update_error_is_retried_by_the_outbox_rather_than_posted_anew() {
        String ts = firstDraft(Map.of());
        fake.errorNext("/api/chat.update", "internal_error");
        fake.throttleNext("/api/chat.update", 2);

        assertThat(sender.send(finalReply(3, Map.of(), ts)))
                .isInstanceOfSatisfying(
                        Delivery.Failed.class, f -> assertThat(f.permanent()).isFalse());
        assertThat(drafts.show(event(Map.of()), "MRR is 4", ts)).isInstanceOf(Delivery.RetryAfter.class);
        assertThat(fake.calls("chat.postMessage")).hasSize(1);
    }

    @Test
    void after_a_slash_command_drafts_and_the_answer_replace_the_acknowledgement() {
        Map<String, String> command = Map.of(
                SlackListeners.RESPONSE_URL,
                fake.responseUrl("cmd"),
                SlackListeners.RESPONSE_TYPE,
                "ephemeral",
                Channel.DRAFT,
                SlackListeners.ACK_DRAFT);
        for (int i = 1; i <= SlackDrafts.RESPONSE_URL_DRAFTS; i++) {
            assertThat(drafts.show(event(command), "MRR is " + i, i == 1 ? null : SlackListeners.ACK_DRAFT))
                    .isEqualTo(new Delivery.Sent(SlackListeners.ACK_DRAFT));
        }
        assertThat(drafts.show(event(command), "MRR is 4", SlackListeners.ACK_DRAFT))
                .isInstanceOfSatisfying(
                        Delivery.Failed.class, f -> assertThat(f.reason()).contains("five messages"));

        assertThat(sender.send(finalReply(4, command, SlackListeners.ACK_DRAFT)))
                .isInstanceOf(Delivery.Sent.class);
        Outbound second = new Outbound(5, "alfred", "slack", "C1", Reply.text("and one more thing"), command, 1);
        assertThat(sender.send(second)).isInstanceOf(Delivery.Sent.class);

        List<FakeSlack.Call> responses = fake.responses("cmd");
        assertThat(responses).hasSize(SlackDrafts.RESPONSE_URL_DRAFTS + 2);
        assertThat(responses.subList(0, SlackDrafts.RESPONSE_URL_DRAFTS + 1))
                .allSatisfy(r -> assertThat(r.body()).contains("\"replace_original\":true"));
        assertThat(responses.get(SlackDrafts.RESPONSE_URL_DRAFTS).body())
                .contains("\"text\":\"MRR is *42k*\"", "metric mrr");
        assertThat(responses.getLast().body()).contains("\"replace_original\":false", "and one more thing");
        assertThat(fake.calls("chat.postMessage")).isEmpty();
        assertThat(fake.calls("chat.update")).isEmpty();
    }

    @Test
    void a_notification_opens_the_direct_message_once_and_sends_its_file_there() {
        Reply reply = Reply.text("your report").withAttachment(new Reply.Attachment("r.csv", "text/csv", new byte[4]));
        Outbound first = new Outbound(6, "alfred", "slack", Outbound.directChat("U77"), reply, Map.of(), 1);
        Outbound second =
                new Outbound(7, "alfred", "slack", Outbound.directChat("U77"), Reply.text("again"), Map.of(), 1);

        assertThat(sender.send(first)).isInstanceOf(Delivery.Sent.class);
        assertThat(sender.send(second)).isInstanceOf(Delivery.Sent.class);

        assertThat(fake.calls("conversations.open"))
                .singleElement()
                .satisfies(open -> assertThat(open.params()).containsEntry("users", "U77"));
        assertThat(fake.calls("files.completeUploadExternal").getFirst().params())
                .containsEntry("channel_id", "DU77");
        assertThat(fake.calls("chat.postMessage"))
                .extracting(c -> c.params().get("channel"))
                .containsExactly("DU77", "DU77");
    }

    @Test
    void a_person_slack_will_not_open_a_conversation_with_is_a_permanent_failure() {
        fake.errorNext("/api/conversations.open", "user_not_found");
        Outbound message =
                new Outbound(8, "alfred", "slack", Outbound.directChat("U404"), Reply.text("hi"), Map.of(), 1);
        assertThat(sender.send(message)).isEqualTo(new Delivery.Failed("conversations.open: user_not_found", true));
        assertThat(fake.calls("chat.postMessage")).isEmpty();
    }
}
