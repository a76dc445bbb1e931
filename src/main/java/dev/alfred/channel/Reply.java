package dev.alfred.channel;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A channel-neutral answer: text in a small markdown subset ({@code *bold*}, {@code _italic_},
 * {@code `code`}, {@code [label](url)}, lines starting with {@code - } as bullets), an optional
 * card with fields and buttons, and an optional image or file.
 */
@Serdeable
public record Reply(
        String text, @Nullable Card card, @Nullable Attachment attachment) {

    public static Reply text(String text) {
        return new Reply(text, null, null);
    }

    public Reply withCard(Card card) {
        return new Reply(text, card, attachment);
    }

    public Reply withAttachment(Attachment attachment) {
        return new Reply(text, card, attachment);
    }

    /** A titled block of label/value fields with buttons under it. */
    @Serdeable
    public record Card(String title, List<Field> fields, List<Button> buttons) {
        public Card {
            fields = List.copyOf(fields);
            buttons = List.copyOf(buttons);
        }
    }

    @Serdeable
    public record Field(String label, String value) {}

    /**
     * A button. Pressing it comes back as an {@link Inbound.Kind#BUTTON} event whose text is
     * {@code action}, written like a command line without the slash, e.g. {@code task done 42}.
     */
    @Serdeable
    public record Button(String label, String action, Style style) {
        public enum Style {
            DEFAULT,
            PRIMARY,
            DANGER
        }
    }

    /** An image ({@code image/png}, ...) or a file sent with the reply. */
    @Serdeable
    public record Attachment(String filename, String mimeType, byte[] data) {
        public boolean isImage() {
            return mimeType.startsWith("image/");
        }
    }
}
