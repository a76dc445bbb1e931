package dev.alfred.channel.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alfred.channel.Reply;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reply markdown subset in Telegram HTML, cards, keyboards, attachments and long texts. */
class TelegramRenderingTest {

    @Test
    void markdown_becomes_html_and_the_rest_is_escaped() {
        assertThat(TelegramHtml.render("*MRR* is _up_ 5% <b>&</b> see [the board](https://x.test/a?b=1&c=2) `a<b`"))
                .isEqualTo("<b>MRR</b> is <i>up</i> 5% &lt;b&gt;&amp;&lt;/b&gt; see "
                        + "<a href=\"https://x.test/a?b=1&amp;c=2\">the board</a> <code>a&lt;b</code>");
    }

    @Test
    void bullets_and_identifiers_with_underscores() {
        assertThat(TelegramHtml.render("- one\n- snake_case_name\n2 * 3 * 4"))
                .isEqualTo("• one\n• snake_case_name\n2 * 3 * 4");
    }

    @Test
    void a_link_to_something_telegram_would_refuse_stays_text() {
        assertThat(TelegramHtml.render("[click](javascript:alert(1))")).doesNotContain("<a");
    }

    @Test
    void long_text_is_split_into_messages_telegram_accepts_without_cutting_tags() {
        String line = "*bold*" + " word &".repeat(30);
        String text = String.join("\n", Collections.nCopies(60, line));
        List<String> parts = TelegramHtml.renderSplit(text);
        assertThat(parts).hasSizeGreaterThan(1).allSatisfy(part -> {
            assertThat(part.length()).isLessThanOrEqualTo(TelegramHtml.MAX_LENGTH);
            assertThat(part.split("<b>", -1).length).isEqualTo(part.split("</b>", -1).length);
        });
        assertThat(String.join("\n", parts)).isEqualTo(TelegramHtml.render(text));
    }

    @Test
    void a_single_huge_line_is_split_too() {
        List<String> parts = TelegramHtml.renderSplit("&".repeat(10_000));
        assertThat(parts).allSatisfy(p -> assertThat(p.length()).isLessThanOrEqualTo(TelegramHtml.MAX_LENGTH));
        assertThat(String.join("", parts)).isEqualTo("&amp;".repeat(10_000));
    }

    @Test
    void a_card_is_a_bold_title_with_fields_and_its_buttons_an_inline_keyboard() {
        Reply reply = Reply.text("Ticket filed")
                .withCard(new Reply.Card(
                        "Printer <2F>",
                        List.of(new Reply.Field("Priority", "high")),
                        List.of(
                                new Reply.Button("Take", "ticket take 7", Reply.Button.Style.PRIMARY),
                                new Reply.Button("Close", "ticket close 7", Reply.Button.Style.DANGER))));
        List<OutgoingPart> parts = OutgoingPart.of(reply);
        assertThat(parts).singleElement().isInstanceOfSatisfying(OutgoingPart.Text.class, text -> {
            assertThat(text.html()).isEqualTo("Ticket filed\n\n<b>Printer &lt;2F&gt;</b>\nPriority: high");
            assertThat(text.keyboard()).isNotNull();
            assertThat(text.keyboard().getKeyboard().getFirst())
                    .extracting(b -> b.getText() + "=" + b.getCallbackData())
                    .containsExactly("Take=ticket take 7", "Close=ticket close 7");
        });
    }

    @Test
    void an_action_over_64_bytes_is_refused() {
        Reply reply = Reply.text("x")
                .withCard(new Reply.Card(
                        "t", List.of(), List.of(new Reply.Button("B", "a".repeat(65), Reply.Button.Style.DEFAULT))));
        assertThat(OutgoingPart.refusal(reply)).get().asString().contains("64 bytes");
        Reply fits = Reply.text("x")
                .withCard(new Reply.Card(
                        "t", List.of(), List.of(new Reply.Button("B", "a".repeat(64), Reply.Button.Style.DEFAULT))));
        assertThat(OutgoingPart.refusal(fits)).isEmpty();
    }

    @Test
    void attachments_follow_the_text_as_photo_or_document() {
        Reply photo = Reply.text("chart").withAttachment(new Reply.Attachment("mrr.png", "image/png", new byte[] {1}));
        Reply file = Reply.text("").withAttachment(new Reply.Attachment("q3.pdf", "application/pdf", new byte[] {1}));
        assertThat(OutgoingPart.of(photo)).hasExactlyElementsOfTypes(OutgoingPart.Text.class, OutgoingPart.Photo.class);
        assertThat(OutgoingPart.of(file)).hasExactlyElementsOfTypes(OutgoingPart.Document.class);
    }

    @Test
    void the_api_url_must_not_have_a_path() {
        var url = TelegramSettings.apiUrl("http://127.0.0.1:8081");
        assertThat(url.getPort()).isEqualTo(8081);
        assertThat(TelegramSettings.apiUrl("https://api.telegram.org").getPort())
                .isEqualTo(443);
        assertThatThrownBy(() -> TelegramSettings.apiUrl("https://proxy.test/tg"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
