package dev.alfred.channel.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import dev.alfred.channel.Delivery;
import dev.alfred.channel.Outbound;
import dev.alfred.channel.Reply;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How the sender maps Slack's answers to deliveries, through the SDK's real clients against the fake. */
class SlackSenderTest {

    FakeSlack fake;
    Slack slack;
    SlackSender sender;
    List<String> rejectedTokens = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        fake = new FakeSlack();
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(fake.apiUrl());
        config.setStatsEnabled(false);
        slack = Slack.getInstance(config);
        sender = new SlackSender(slack, slack.methods(FakeSlack.BOT_TOKEN), rejectedTokens::add);
    }

    @AfterEach
    void stop() throws Exception {
        slack.close();
        fake.close();
    }

    static Outbound to(String chat, Reply reply, Map<String, String> address) {
        return new Outbound(7, "alfred", "slack", chat, reply, address, 1);
    }

    @Test
    void a_post_returns_the_message_ts_and_keeps_the_thread() {
        Delivery delivery = sender.send(to("C1", Reply.text("hi"), Map.of(SlackListeners.THREAD_TS, "17.1")));
        assertThat(delivery).isInstanceOf(Delivery.Sent.class);
        assertThat(((Delivery.Sent) delivery).messageId()).startsWith("1700000000.");
        assertThat(fake.calls("chat.postMessage").getFirst().params())
                .containsEntry("channel", "C1")
                .containsEntry("thread_ts", "17.1")
                .containsEntry("text", "hi");
    }

    @Test
    void a_429_becomes_retry_after_with_slacks_delay() {
        fake.throttleNext("/api/chat.postMessage", 7);
        assertThat(sender.send(to("C1", Reply.text("hi"), Map.of())))
                .isEqualTo(new Delivery.RetryAfter(Duration.ofSeconds(7), "Slack API 429"));
    }

    @Test
    void a_5xx_and_slacks_transient_errors_are_retried() {
        fake.failNext("/api/chat.postMessage", 503);
        fake.errorNext("/api/chat.postMessage", "internal_error");
        assertThat(sender.send(to("C1", Reply.text("hi"), Map.of())))
                .isInstanceOfSatisfying(
                        Delivery.Failed.class, f -> assertThat(f.permanent()).isFalse());
        assertThat(sender.send(to("C1", Reply.text("hi"), Map.of())))
                .isInstanceOfSatisfying(
                        Delivery.Failed.class, f -> assertThat(f.permanent()).isFalse());
    }

    @Test
    void a_hung_slack_times_out_and_is_retried() throws Exception {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(fake.apiUrl());
        config.setHttpClientCallTimeoutMillis(300);
        try (Slack impatient = Slack.getInstance(config)) {
            fake.script(
                    "/api/chat.postMessage",
                    new FakeSlack.Answer(200, null, "{\"ok\":true,\"ts\":\"1.2\"}", Duration.ofSeconds(3)));
            Delivery delivery = new SlackSender(impatient, impatient.methods(FakeSlack.BOT_TOKEN), e -> {})
                    .send(to("C1", Reply.text("hi"), Map.of()));
            assertThat(delivery)
                    .isInstanceOfSatisfying(
                            Delivery.Failed.class,
                            f -> assertThat(f.permanent()).isFalse());
        }
    }

    @Test
    void an_unreachable_slack_is_retried() {
        fake.close();
        assertThat(sender.send(to("C1", Reply.text("hi"), Map.of())))
                .isInstanceOfSatisfying(
                        Delivery.Failed.class, f -> assertThat(f.permanent()).isFalse());
    }

    @Test
    void channel_not_found_is_permanent_and_a_refused_token_is_reported() {
        fake.errorNext("/api/chat.postMessage", "channel_not_found");
        assertThat(sender.send(to("C404", Reply.text("hi"), Map.of())))
                .isEqualTo(new Delivery.Failed("chat.postMessage: channel_not_found", true));
        assertThat(rejectedTokens).isEmpty();

        fake.errorNext("/api/chat.postMessage", "invalid_auth");
        assertThat(sender.send(to("C1", Reply.text("hi"), Map.of())))
                .isInstanceOfSatisfying(
                        Delivery.Failed.class, f -> assertThat(f.permanent()).isTrue());
        assertThat(rejectedTokens).containsExactly("invalid_auth");
    }

    @Test
    void a_response_url_gets_the_blocks_and_its_errors_are_mapped() {
        Map<String, String> address = Map.of(SlackListeners.RESPONSE_URL, fake.responseUrl("r1"));
        assertThat(sender.send(to("C1", Reply.text("*done*"), address))).isEqualTo(new Delivery.Sent(""));
        assertThat(fake.responses("r1").getFirst().body())
                .contains("\"response_type\":\"ephemeral\"", "\"replace_original\":false", "\"text\":\"*done*\"")
                .contains("\"blocks\":[{\"type\":\"section\"");

        fake.throttleNext("/response/r1", 3);
        assertThat(sender.send(to("C1", Reply.text("x"), address)))
                .isEqualTo(new Delivery.RetryAfter(Duration.ofSeconds(3), "response_url 429"));
        fake.failNext("/response/r1", 500);
        assertThat(sender.send(to("C1", Reply.text("x"), address)))
                .isInstanceOfSatisfying(
                        Delivery.Failed.class, f -> assertThat(f.permanent()).isFalse());
        fake.failNext("/response/r1", 400);
        assertThat(sender.send(to("C1", Reply.text("x"), address)))
                .isInstanceOfSatisfying(
                        Delivery.Failed.class, f -> assertThat(f.permanent()).isTrue());
        assertThat(fake.calls("chat.postMessage")).isEmpty();
    }

    @Test
    void an_expired_response_url_falls_back_to_chat_post_message() {
        fake.failNext("/response/old", 404);
        Delivery delivery = sender.send(
                to("C9", Reply.text("late answer"), Map.of(SlackListeners.RESPONSE_URL, fake.responseUrl("old"))));
        assertThat(delivery).isInstanceOf(Delivery.Sent.class);
        assertThat(fake.calls("chat.postMessage").getFirst().params()).containsEntry("channel", "C9");
    }

    @Test
    void an_image_is_uploaded_through_the_files_api_before_the_text() {
        byte[] png = new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};
        Reply reply = Reply.text("the chart").withAttachment(new Reply.Attachment("mrr.png", "image/png", png));
        assertThat(sender.send(to("C1", reply, Map.of()))).isInstanceOf(Delivery.Sent.class);

        assertThat(fake.calls().stream().map(FakeSlack.Call::method).toList())
                .containsExactly(
                        "files.getUploadURLExternal",
                        "/upload/F0FILE",
                        "files.completeUploadExternal",
                        "chat.postMessage");
        assertThat(fake.calls("files.getUploadURLExternal").getFirst().params())
                .containsEntry("filename", "mrr.png")
                .containsEntry("length", "7");
        assertThat(fake.calls(c -> c.path().equals("/upload/F0FILE")).getFirst().body())
                .isEqualTo("7 bytes");
        assertThat(fake.calls("files.completeUploadExternal").getFirst().params())
                .containsEntry("channel_id", "C1")
                .containsKey("files");
    }

    @Test
    void a_refused_upload_still_sends_the_text_with_a_note_and_a_failed_upload_sends_nothing() {
        Reply reply =
                Reply.text("report").withAttachment(new Reply.Attachment("r.pdf", "application/pdf", new byte[3]));
        fake.errorNext("/api/files.completeUploadExternal", "not_in_channel");
        assertThat(sender.send(to("C1", reply, Map.of()))).isInstanceOf(Delivery.Sent.class);
        assertThat(fake.calls("chat.postMessage").getFirst().params().get("text"))
                .contains("report", "r.pdf could not be attached: not_in_channel");

        fake.failNext("/upload/F0FILE", 500);
        assertThat(sender.send(to("C2", reply, Map.of())))
                .isInstanceOfSatisfying(
                        Delivery.Failed.class, f -> assertThat(f.permanent()).isFalse());
        assertThat(fake.calls(c -> c.method().equals("chat.postMessage")
                        && "C2".equals(c.params().get("channel"))))
                .isEmpty();
    }
}
