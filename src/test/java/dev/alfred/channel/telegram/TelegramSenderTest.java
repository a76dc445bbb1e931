package dev.alfred.channel.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.alfred.channel.Delivery;
import dev.alfred.channel.Outbound;
import dev.alfred.channel.Reply;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;

/** What {@link TelegramSender} puts on the wire through the real client, and how it reports Telegram's errors. */
class TelegramSenderTest {

    private static final long CHAT = 4242;

    private final FakeTelegram telegram = new FakeTelegram();
    private final TelegramSender sender = sender(telegram.url());

    @AfterEach
    void stop() {
        telegram.close();
    }

    private static TelegramSender sender(String url) {
        return new TelegramSender(
                new OkHttpTelegramClient(FakeTelegram.TOKEN, TelegramSettings.apiUrl(url)), FakeTelegram.TOKEN);
    }

    private static Outbound outbound(long id, Reply reply) {
        return new Outbound(id, "alfred", "telegram", Long.toString(CHAT), reply, Map.of(), 1);
    }

    private static Reply longReplyWithButton() {
        String text = IntStream.range(0, 200)
                .mapToObj(i -> "line " + i + " of a long answer with *some* words")
                .collect(Collectors.joining("\n"));
        return Reply.text(text)
                .withCard(new Reply.Card(
                        "Summary", List.of(), List.of(new Reply.Button("More", "help", Reply.Button.Style.DEFAULT))));
    }

    @Test
    void a_long_reply_is_split_with_the_keyboard_on_the_last_part() {
        Delivery delivery = sender.send(outbound(1, longReplyWithButton()));
        List<FakeTelegram.Call> sent = telegram.calls("sendMessage");
        assertThat(sent).hasSize(3).allSatisfy(call -> {
            assertThat(call.param("text").length()).isLessThanOrEqualTo(4096);
            assertThat(call.param("parse_mode")).isEqualTo("HTML");
        });
        assertThat(sent.subList(0, 2))
                .allSatisfy(call -> assertThat(call.json().has("reply_markup")).isFalse());
        JsonNode keyboard = sent.getLast().json().path("reply_markup").path("inline_keyboard");
        assertThat(keyboard.get(0).get(0).path("callback_data").asText()).isEqualTo("help");
        assertThat(delivery).isEqualTo(new Delivery.Sent("1001"));
    }

    @Test
    void a_retry_resumes_after_the_parts_already_sent() {
        telegram.passNext("sendMessage");
        telegram.breakNext("sendMessage");
        Delivery first = sender.send(outbound(2, longReplyWithButton()));
        assertThat(first)
                .isInstanceOfSatisfying(
                        Delivery.Failed.class, f -> assertThat(f.permanent()).isFalse());

        Delivery retry = sender.send(outbound(2, longReplyWithButton()));
        assertThat(retry).isEqualTo(new Delivery.Sent("1001"));
        List<String> delivered = telegram.textsTo(CHAT);
        assertThat(delivered).hasSize(3).doesNotHaveDuplicates();
    }

    @Test
    void a_429_becomes_retry_after_with_telegrams_delay() {
        telegram.throttleNext("sendMessage", 5);
        Delivery delivery = sender.send(outbound(3, Reply.text("hi")));
        assertThat(delivery)
                .isInstanceOfSatisfying(
                        Delivery.RetryAfter.class, r -> assertThat(r.after()).isEqualTo(Duration.ofSeconds(5)));
    }

    @Test
    void a_chat_that_is_gone_or_a_blocked_bot_is_a_permanent_failure() {
        telegram.failNext("sendMessage", 400, """
                {"ok":false,"error_code":400,"description":"Bad Request: chat not found"}""", Duration.ZERO);
        telegram.failNext("sendMessage", 403, """
                {"ok":false,"error_code":403,"description":"Forbidden: bot was blocked by the user"}""", Duration.ZERO);
        assertThat(sender.send(outbound(4, Reply.text("hi")))).isInstanceOfSatisfying(Delivery.Failed.class, f -> {
            assertThat(f.permanent()).isTrue();
            assertThat(f.reason()).contains("chat not found");
        });
        assertThat(sender.send(outbound(5, Reply.text("hi"))))
                .isInstanceOfSatisfying(
                        Delivery.Failed.class, f -> assertThat(f.permanent()).isTrue());
    }

    @Test
    void an_unreachable_telegram_is_a_transient_failure_without_the_token_in_the_reason() {
        FakeTelegram gone = new FakeTelegram();
        String url = gone.url();
        gone.close();
        Delivery delivery = sender(url).send(outbound(6, Reply.text("hi")));
        assertThat(delivery).isInstanceOfSatisfying(Delivery.Failed.class, f -> {
            assertThat(f.permanent()).isFalse();
            assertThat(f.reason()).doesNotContain(FakeTelegram.TOKEN);
        });
    }

    @Test
    void an_action_over_64_bytes_is_refused_without_sending_anything() {
        Reply reply = Reply.text("x")
                .withCard(new Reply.Card(
                        "t", List.of(), List.of(new Reply.Button("B", "x".repeat(65), Reply.Button.Style.DEFAULT))));
        assertThat(sender.send(outbound(7, reply)))
                .isInstanceOfSatisfying(
                        Delivery.Failed.class, f -> assertThat(f.permanent()).isTrue());
        assertThat(telegram.calls()).isEmpty();
    }

    @Test
    void an_image_goes_as_a_photo_and_a_file_as_a_document() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G'};
        Delivery photo = sender.send(
                outbound(8, Reply.text("MRR chart").withAttachment(new Reply.Attachment("mrr.png", "image/png", png))));
        Delivery document = sender.send(outbound(
                9, Reply.text("").withAttachment(new Reply.Attachment("q3.csv", "text/csv", "a,b\n1,2".getBytes()))));
        assertThat(photo).isInstanceOf(Delivery.Sent.class);
        assertThat(document).isInstanceOf(Delivery.Sent.class);
        assertThat(telegram.calls().stream().map(FakeTelegram.Call::method))
                .containsExactly("sendmessage", "sendphoto", "senddocument");
        FakeTelegram.Call sentPhoto = telegram.calls("sendPhoto").getFirst();
        assertThat(sentPhoto.contentType()).startsWith("multipart/form-data");
        assertThat(sentPhoto.param("chat_id")).isEqualTo(Long.toString(CHAT));
        FakeTelegram.Call sentDocument = telegram.calls("sendDocument").getFirst();
        assertThat(sentDocument.param("document")).isEqualTo("attach://q3.csv");
        assertThat(sentDocument.params()).containsValue("a,b\n1,2");
    }
}
