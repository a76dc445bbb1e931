package dev.alfred.channel.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.element.ButtonElement;
import dev.alfred.channel.Reply;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Rendering of Alfred's markdown subset and cards as Block Kit, within Slack's limits. */
class BlockKitTest {

    @Test
    void markdown_becomes_mrkdwn() {
        assertThat(SlackMarkdown.mrkdwn("*bold* _it_ `code` [Acme](https://acme.test/a?b=1&c=2)\n- one\n  - two"))
                .isEqualTo("*bold* _it_ `code` <https://acme.test/a?b=1&amp;c=2|Acme>\n• one\n  • two");
    }

    @Test
    void user_text_cannot_forge_mentions() {
        assertThat(SlackMarkdown.mrkdwn("<!channel> <@U1> a < b")).isEqualTo("&lt;!channel&gt; &lt;@U1&gt; a &lt; b");
    }

    @Test
    void a_card_is_a_header_fields_and_buttons_with_a_fallback_text() {
        Reply reply = Reply.text("Ticket")
                .withCard(new Reply.Card(
                        "Printer",
                        List.of(new Reply.Field("Priority", "high")),
                        List.of(
                                new Reply.Button("Take", "ticket take 4", Reply.Button.Style.PRIMARY),
                                new Reply.Button("Close", "ticket close 4", Reply.Button.Style.DANGER),
                                new Reply.Button("Later", "ticket later 4", Reply.Button.Style.DEFAULT))));
        BlockKit.Message message = BlockKit.render(reply);

        assertThat(message.text()).isEqualTo("Ticket\nPrinter");
        assertThat(message.blocks()).hasSize(4);
        assertThat(((SectionBlock) message.blocks().get(0)).getText().getText()).isEqualTo("Ticket");
        assertThat(((HeaderBlock) message.blocks().get(1)).getText().getText()).isEqualTo("Printer");
        assertThat(((SectionBlock) message.blocks().get(2))
                        .getFields()
                        .getFirst()
                        .getText())
                .isEqualTo("*Priority*\nhigh");
        List<ButtonElement> buttons = ((ActionsBlock) message.blocks().get(3))
                .getElements().stream().map(ButtonElement.class::cast).toList();
        assertThat(buttons).extracting(ButtonElement::getActionId).containsExactly("alfred-0", "alfred-1", "alfred-2");
        assertThat(buttons)
                .extracting(ButtonElement::getValue)
                .containsExactly("ticket take 4", "ticket close 4", "ticket later 4");
        assertThat(buttons).extracting(ButtonElement::getStyle).containsExactly("primary", "danger", null);
    }

    @Test
    void long_texts_and_many_fields_are_split_within_slacks_limits() {
        String text = "x".repeat(7000);
        List<Reply.Field> fields = IntStream.range(0, 12)
                .mapToObj(i -> new Reply.Field("f" + i, "v"))
                .toList();
        BlockKit.Message message =
                BlockKit.render(Reply.text(text).withCard(new Reply.Card("t".repeat(200), fields, List.of())));

        List<SectionBlock> sections = message.blocks().stream()
                .filter(SectionBlock.class::isInstance)
                .map(SectionBlock.class::cast)
                .toList();
        assertThat(sections.stream()
                        .filter(s -> s.getText() != null)
                        .map(s -> s.getText().getText().length()))
                .containsExactly(3000, 3000, 1000);
        assertThat(sections.stream()
                        .filter(s -> s.getFields() != null)
                        .map(s -> s.getFields().size()))
                .containsExactly(10, 2);
        assertThat(((HeaderBlock) message.blocks().get(3)).getText().getText()).hasSize(150);
        assertThat(message.text()).hasSizeLessThanOrEqualTo(4000);
    }

    @Test
    void a_mention_of_the_bot_is_removed() {
        assertThat(SlackListeners.withoutMention("<@UBOT> task Call Acme", "UBOT"))
                .isEqualTo("task Call Acme");
        assertThat(SlackListeners.withoutMention("hey <@UBOT|alfred> hi", "UBOT"))
                .isEqualTo("hey hi");
        assertThat(SlackListeners.withoutMention("<@UOTHER> hi", null)).isEqualTo("hi");
        assertThat(SlackListeners.withoutMention("<@UBOT> a &lt; b &amp;&amp; c\nnext", "UBOT"))
                .isEqualTo("a < b && c\nnext");
    }
}
