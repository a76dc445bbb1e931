package dev.alfred.channel.slack;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.composition.TextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import dev.alfred.channel.Reply;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders a {@link Reply} as Block Kit: the text as {@code section} blocks of {@code mrkdwn}, a card as
 * a {@code header}, {@code section}s of {@code fields} and an {@code actions} block of buttons whose
 * {@code value} is the button's action. The plain {@code text} fallback (notifications, screen readers)
 * is always set. Slack's block limits are respected by splitting or shortening.
 */
final class BlockKit {

    /** The prefix of every button's {@code action_id}; presses come back with it. */
    static final String ACTION_PREFIX = "alfred-";

    private static final int SECTION_TEXT = 3000;
    private static final int FIELDS_PER_SECTION = 10;
    private static final int FIELD_TEXT = 2000;
    private static final int HEADER_TEXT = 150;
    private static final int BUTTONS = 25;
    private static final int BUTTON_TEXT = 75;
    private static final int BUTTON_VALUE = 2000;
    private static final int FALLBACK_TEXT = 4000;

    /** What goes into {@code chat.postMessage} or a {@code response_url}: the fallback and the blocks. */
    record Message(String text, List<LayoutBlock> blocks) {}

    private BlockKit() {}

    static Message render(Reply reply) {
        List<LayoutBlock> blocks = new ArrayList<>();
        String mrkdwn = SlackMarkdown.mrkdwn(reply.text());
        for (int start = 0; start < mrkdwn.length(); start += SECTION_TEXT) {
            String part = mrkdwn.substring(start, Math.min(mrkdwn.length(), start + SECTION_TEXT));
            blocks.add(SectionBlock.builder().text(markdown(part)).build());
        }
        Reply.Card card = reply.card();
        if (card != null) {
            blocks.add(HeaderBlock.builder()
                    .text(PlainTextObject.builder()
                            .text(shorten(card.title(), HEADER_TEXT))
                            .emoji(true)
                            .build())
                    .build());
            for (int start = 0; start < card.fields().size(); start += FIELDS_PER_SECTION) {
                List<TextObject> fields = new ArrayList<>();
                for (Reply.Field field :
                        card.fields().subList(start, Math.min(card.fields().size(), start + FIELDS_PER_SECTION))) {
                    fields.add(markdown(shorten(
                            "*" + SlackMarkdown.escape(field.label()) + "*\n" + SlackMarkdown.mrkdwn(field.value()),
                            FIELD_TEXT)));
                }
                blocks.add(SectionBlock.builder().fields(fields).build());
            }
            if (!card.buttons().isEmpty()) {
                blocks.add(
                        ActionsBlock.builder().elements(buttons(card.buttons())).build());
            }
        }
        return new Message(fallback(reply), blocks);
    }

    private static List<BlockElement> buttons(List<Reply.Button> buttons) {
        List<BlockElement> elements = new ArrayList<>();
        for (int i = 0; i < Math.min(BUTTONS, buttons.size()); i++) {
            Reply.Button button = buttons.get(i);
            elements.add(ButtonElement.builder()
                    .actionId(ACTION_PREFIX + i)
                    .text(PlainTextObject.builder()
                            .text(shorten(button.label(), BUTTON_TEXT))
                            .emoji(true)
                            .build())
                    .value(shorten(button.action(), BUTTON_VALUE))
                    .style(
                            switch (button.style()) {
                                case PRIMARY -> "primary";
                                case DANGER -> "danger";
                                case DEFAULT -> null;
                            })
                    .build());
        }
        return elements;
    }

    private static String fallback(Reply reply) {
        StringBuilder text = new StringBuilder(SlackMarkdown.mrkdwn(reply.text()));
        if (reply.card() != null) {
            text.append(text.isEmpty() ? "" : "\n")
                    .append(SlackMarkdown.escape(reply.card().title()));
        }
        return shorten(text.isEmpty() ? " " : text.toString(), FALLBACK_TEXT);
    }

    private static MarkdownTextObject markdown(String text) {
        return MarkdownTextObject.builder().text(text).build();
    }

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
