package dev.alfred.channel.discord;

import dev.alfred.channel.Reply;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.buttons.ButtonStyle;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;

/**
 * Renders a {@link Reply} as a Discord message: markdown content, a card as an embed with inline
 * fields, its buttons as action rows (custom id = the button's action), an attachment as a file
 * upload that an image embed shows. Discord's size limits are applied by cutting, not by failing.
 */
final class ReplyRenderer {

    static final int MAX_CUSTOM_ID = 100;
    private static final int BUTTONS_PER_ROW = 5;
    private static final int MAX_ROWS = 5;
    private static final int MAX_FIELDS = 25;

    private ReplyRenderer() {}

    static MessageCreateData render(Reply reply) {
        MessageCreateBuilder message = new MessageCreateBuilder();
        message.setContent(DiscordMarkdown.of(reply.text()));
        // replies can quote what users wrote: never let that ping @everyone or a role
        message.setAllowedMentions(EnumSet.of(Message.MentionType.USER));
        Reply.Attachment attachment = reply.attachment();
        if (reply.card() != null) {
            EmbedBuilder embed = embed(reply.card());
            if (attachment != null && attachment.isImage()) {
                embed.setImage("attachment://" + attachment.filename());
            }
            message.setEmbeds(embed.build());
            message.setComponents(rows(reply.card().buttons()));
        }
        if (attachment != null) {
            message.setFiles(FileUpload.fromData(attachment.data(), attachment.filename()));
        }
        if (message.isEmpty()) {
            message.setContent("…");
        }
        return message.build();
    }

    private static EmbedBuilder embed(Reply.Card card) {
        EmbedBuilder embed = new EmbedBuilder().setTitle(DiscordMarkdown.truncate(card.title(), 256));
        card.fields().stream()
                .limit(MAX_FIELDS)
                .forEach(field -> embed.addField(
                        DiscordMarkdown.truncate(field.label(), 256),
                        DiscordMarkdown.truncate(DiscordMarkdown.of(field.value()), 1024),
                        true));
        return embed;
    }

    private static List<ActionRow> rows(List<Reply.Button> buttons) {
        List<ActionRow> rows = new ArrayList<>();
        List<Button> row = new ArrayList<>();
        for (Reply.Button button :
                buttons.stream().limit((long) BUTTONS_PER_ROW * MAX_ROWS).toList()) {
            row.add(Button.of(
                    style(button.style()),
                    DiscordMarkdown.truncate(button.action(), MAX_CUSTOM_ID),
                    DiscordMarkdown.truncate(button.label(), 80)));
            if (row.size() == BUTTONS_PER_ROW) {
                rows.add(ActionRow.of(row));
                row = new ArrayList<>();
            }
        }
        if (!row.isEmpty()) {
            rows.add(ActionRow.of(row));
        }
        return rows;
    }

    private static ButtonStyle style(Reply.Button.Style style) {
        return switch (style) {
            case PRIMARY -> ButtonStyle.PRIMARY;
            case DANGER -> ButtonStyle.DANGER;
            case DEFAULT -> ButtonStyle.SECONDARY;
        };
    }
}
