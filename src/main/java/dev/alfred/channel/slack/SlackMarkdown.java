package dev.alfred.channel.slack;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Converts Alfred's small markdown subset to Slack {@code mrkdwn}: {@code [label](url)} becomes
 * {@code <url|label>}, {@code - } bullets become {@code •}; {@code *bold*}, {@code _italic_} and
 * {@code `code`} mean the same in both. {@code &}, {@code <} and {@code >} are escaped first, as Slack
 * requires, so that user text cannot forge mentions or links.
 */
final class SlackMarkdown {

    private static final Pattern LINK = Pattern.compile("\\[([^\\]\\n]+)]\\((https?://[^)\\s]+)\\)");
    private static final Pattern BULLET = Pattern.compile("(?m)^(\\s*)- ");

    private SlackMarkdown() {}

    static String mrkdwn(String text) {
        String escaped = escape(text);
        Matcher links = LINK.matcher(escaped);
        StringBuilder out = new StringBuilder();
        while (links.find()) {
            String label = links.group(1).replace("|", "¦");
            links.appendReplacement(out, Matcher.quoteReplacement("<" + links.group(2) + "|" + label + ">"));
        }
        links.appendTail(out);
        return BULLET.matcher(out).replaceAll("$1• ");
    }

    /** Slack sends user text with {@code &}, {@code <} and {@code >} escaped; Alfred works on the plain text. */
    static String unescape(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
