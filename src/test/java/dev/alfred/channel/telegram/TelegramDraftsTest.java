package dev.alfred.channel.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alfred.channel.Channel;
import dev.alfred.channel.Delivery;
import dev.alfred.channel.Inbound;
import dev.alfred.channel.Outbound;
import dev.alfred.channel.Reply;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;

/** Drafts through the real client: one message edited while it grows, then edited into the final reply. */
class TelegramDraftsTest {

    private static final long CHAT = 5151;

    private final FakeTelegram telegram = new FakeTelegram();
    private final OkHttpTelegramClient client =
            new OkHttpTelegramClient(FakeTelegram.TOKEN, TelegramSettings.apiUrl(telegram.url()));
    private final TelegramSender sender = new TelegramSender(client, FakeTelegram.TOKEN);
    private final TelegramDrafts drafts = new TelegramDrafts(client, sender);

    @AfterEach
    void stop() {
        telegram.close();
    }

    private static Inbound question() {
        return new Inbound(
                "alfred",
                "telegram",
                "1",
                null,
                Long.toString(CHAT),
                Long.toString(CHAT),
                "dana",
                Inbound.Kind.TEXT,
                "how is MRR?",
                Map.of());
    }

    private static Outbound finalReply(String draftId) {
        Reply reply = Reply.text("MRR is *42k*")
                .withCard(new Reply.Card(
                        "MRR",
                        List.of(),
                        List.of(new Reply.Button("Chart", "metric mrr", Reply.Button.Style.DEFAULT))));
        return new Outbound(1, "alfred", "telegram", Long.toString(CHAT), reply, Map.of(Channel.DRAFT, draftId), 1);
    }

    private String sentDraft(String text) {
        Delivery first = drafts.show(question(), text, null);
        assertThat(first).isInstanceOf(Delivery.Sent.class);
        return ((Delivery.Sent) first).messageId();
    }

    @Test
    void two_drafts_and_the_final_reply_are_one_message_and_two_edits() {
        String id = sentDraft("MRR is");
        assertThat(drafts.show(question(), "MRR is *42", id)).isEqualTo(new Delivery.Sent(id));

        assertThat(sender.send(finalReply(id))).isEqualTo(new Delivery.Sent(id));

        assertThat(telegram.calls("sendMessage")).singleElement().satisfies(call -> {
            assertThat(call.param("text")).isEqualTo("MRR is");
            assertThat(call.param("chat_id")).isEqualTo(Long.toString(CHAT));
        });
        List<FakeTelegram.Call> edits = telegram.calls("editMessageText");
        assertThat(edits).hasSize(2).allSatisfy(edit -> {
            assertThat(edit.param("message_id")).isEqualTo(id);
            assertThat(edit.param("parse_mode")).isEqualTo("HTML");
        });
        assertThat(edits.getLast().param("text")).contains("MRR is <b>42k</b>").contains("<b>MRR</b>");
        assertThat(edits.getLast()
                        .json()
                        .path("reply_markup")
                        .path("inline_keyboard")
                        .get(0)
                        .get(0)
                        .path("callback_data")
                        .asText())
                .isEqualTo("metric mrr");
    }

    @Test
    void a_draft_telegram_can_no_longer_edit_gives_way_to_a_new_message() {
        String id = sentDraft("MRR is");
        telegram.failNext("editMessageText", 400, """
                {"ok":false,"error_code":400,"description":"Bad Request: message to edit not found"}""", Duration.ZERO);

        Delivery delivery = sender.send(finalReply(id));

        List<FakeTelegram.Call> sent = telegram.calls("sendMessage");
        assertThat(sent).hasSize(2);
        assertThat(sent.getLast().param("text")).contains("MRR is <b>42k</b>");
        assertThat(sent.getLast().json().has("reply_markup")).isTrue();
        assertThat(delivery)
                .isInstanceOfSatisfying(
                        Delivery.Sent.class, s -> assertThat(s.messageId()).isNotEqualTo(id));
    }

    @Test
    void a_throttled_edit_is_a_retry_after_and_an_unchanged_one_counts_as_shown() {
        String id = sentDraft("MRR is");
        telegram.throttleNext("editMessageText", 3);
        telegram.failNext("editMessageText", 400, """
                {"ok":false,"error_code":400,"description":"Bad Request: message is not modified: specified new message content and reply markup are exactly the same"}""", Duration.ZERO);

        assertThat(drafts.show(question(), "MRR is 4", id))
                .isInstanceOfSatisfying(
                        Delivery.RetryAfter.class, r -> assertThat(r.after()).isEqualTo(Duration.ofSeconds(3)));
        assertThat(drafts.show(question(), "MRR is", id)).isEqualTo(new Delivery.Sent(id));
    }

    @Test
    void a_final_reply_that_repeats_the_last_draft_exactly_is_delivered() {
        String id = sentDraft("MRR is *42k*");
        telegram.failNext("editMessageText", 400, """
                {"ok":false,"error_code":400,"description":"Bad Request: message is not modified"}""", Duration.ZERO);

        Outbound same = new Outbound(
                2, "alfred", "telegram", Long.toString(CHAT), Reply.text("MRR is *42k*"), Map.of(Channel.DRAFT, id), 1);

        assertThat(sender.send(same)).isEqualTo(new Delivery.Sent(id));
        assertThat(telegram.calls("sendMessage")).hasSize(1);
    }

    @Test
    void a_server_error_on_the_final_edit_is_retried_by_the_outbox_not_sent_anew() {
        String id = sentDraft("MRR is");
        telegram.breakNext("editMessageText");

        assertThat(sender.send(finalReply(id)))
                .isInstanceOfSatisfying(
                        Delivery.Failed.class, f -> assertThat(f.permanent()).isFalse());
        assertThat(sender.send(finalReply(id))).isEqualTo(new Delivery.Sent(id));
        assertThat(telegram.calls("sendMessage")).hasSize(1);
    }

    @Test
    void a_draft_id_that_is_no_telegram_message_id_is_ignored_and_the_reply_sent() {
        assertThat(sender.send(finalReply("ack"))).isInstanceOf(Delivery.Sent.class);
        assertThat(sender.send(finalReply("99999999999"))).isInstanceOf(Delivery.Sent.class);
        assertThat(telegram.calls("editMessageText")).isEmpty();
        assertThat(telegram.calls("sendMessage")).hasSize(2);
    }
}
