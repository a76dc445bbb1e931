package dev.alfred.channel.telegram;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the reply markdown subset into Telegram's HTML parse mode and splits long text into
 * messages Telegram accepts. Only {@code <>&} (and {@code "} in links) need escaping there.
 */
final class TelegramHtml {

    /** Telegram's limit for one message's text, after entity parsing; counting the HTML is safe. */
    static final int MAX_LENGTH = 4096;

    private static final Pattern INLINE = Pattern.compile(
            "`([^`\\n]+)`" // code
                    + "|\\[([^\\]\\n]+)\\]\\(([^)\\s]+)\\)" // link
                    + "|(?<![\\p{L}\\p{N}*])\\*(?!\\s)([^*\\n]+?)(?<!\\s)\\*(?![\\p{L}\\p{N}*])" // bold
                    + "|(?<![\\p{L}\\p{N}_])_(?!\\s)([^_\\n]+?)(?<!\\s)_(?![\\p{L}\\p{N}_])"); // italic

    private TelegramHtml() {}

    /** The HTML for {@code markdown}: bullets, code, links, bold and italic; everything else escaped. */
    static String render(String markdown) {
        List<String> lines = new ArrayList<>();
        for (String line : markdown.split("\n", -1)) {
            lines.add(line.startsWith("- ") ? "• " + inline(line.substring(2)) : inline(line));
        }
        return String.join("\n", lines);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /**
     * Renders {@code markdown} as one or more HTML messages of at most {@link #MAX_LENGTH}. It splits
     * the source on line breaks, so that no tag is cut; a single line too long for one message is
     * split on spaces (or anywhere, if it has none) and its pieces are rendered on their own.
     */
    static List<String> renderSplit(String markdown) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : lines(markdown)) {
            String candidate = current.isEmpty() ? line : current + "\n" + line;
            if (render(candidate).length() <= MAX_LENGTH) {
                current.setLength(0);
                current.append(candidate);
            } else {
                if (!current.isEmpty()) {
                    parts.add(render(current.toString()));
                }
                current.setLength(0);
                current.append(line);
            }
        }
        if (!current.isEmpty()) {
            parts.add(render(current.toString()));
        }
        return parts;
    }

    /** The source lines, with any line that cannot fit one message on its own cut into pieces that do. */
    private static List<String> lines(String markdown) {
        List<String> lines = new ArrayList<>();
        for (String line : markdown.split("\n", -1)) {
            String rest = line;
            while (render(rest).length() > MAX_LENGTH) {
                int cut = fittingPrefix(rest);
                lines.add(rest.substring(0, cut));
                rest = rest.substring(cut).stripLeading();
            }
            lines.add(rest);
        }
        return lines;
    }

    private static int fittingPrefix(String line) {
        int length = Math.min(line.length() - 1, MAX_LENGTH);
        while (length > 1 && render(line.substring(0, length)).length() > MAX_LENGTH) {
            length = length * 3 / 4;
        }
        int space = line.lastIndexOf(' ', length);
        int cut = space > length / 2 ? space : length;
        if (Character.isHighSurrogate(line.charAt(cut - 1))) {
            cut--; // never split an emoji in two
        }
        return Math.max(1, cut);
    }

    private static String inline(String text) {
        StringBuilder html = new StringBuilder();
        Matcher matcher = INLINE.matcher(text);
        int last = 0;
        while (matcher.find()) {
            html.append(escape(text.substring(last, matcher.start())));
            if (matcher.group(1) != null) {
                html.append("<code>").append(escape(matcher.group(1))).append("</code>");
            } else if (matcher.group(2) != null) {
                html.append(link(matcher.group(2), matcher.group(3)));
            } else if (matcher.group(4) != null) {
                html.append("<b>").append(inline(matcher.group(4))).append("</b>");
            } else {
                html.append("<i>").append(inline(matcher.group(5))).append("</i>");
            }
            last = matcher.end();
        }
        return html.append(escape(text.substring(last))).toString();
    }

    private static String link(String label, String url) {
        if (!url.matches("(?i)(https?|tg|mailto):.+")) {
            return escape(label + " (" + url + ")"); // Telegram rejects the whole message for a bad href
        }
        return "<a href=\"" + escape(url).replace("\"", "&quot;") + "\">" + inline(label) + "</a>";
    }
}
