package dev.alfred.channel.discord;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the reply markdown subset into Discord markdown. Only bold differs: Discord reads
 * {@code *x*} as italic, so {@code *bold*} becomes {@code **bold**}; italics, code, links and
 * {@code - } bullets are the same. Code spans are left alone.
 */
final class DiscordMarkdown {

    static final int MAX_CONTENT = 2000;

    private static final Pattern CODE = Pattern.compile("```[\\s\\S]*?```|`[^`\\n]*`");
    private static final Pattern BOLD = Pattern.compile("(?<![*\\w])\\*(?![\\s*])([^*\\n]+?)(?<!\\s)\\*(?![*\\w])");

    private DiscordMarkdown() {}

    static String of(String text) {
        StringBuilder out = new StringBuilder();
        Matcher code = CODE.matcher(text);
        int last = 0;
        while (code.find()) {
            out.append(bold(text.substring(last, code.start()))).append(code.group());
            last = code.end();
        }
        out.append(bold(text.substring(last)));
        return truncate(out.toString(), MAX_CONTENT);
    }

    /** Cuts {@code text} to {@code max} characters, marking the cut with an ellipsis. */
    static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static String bold(String text) {
        return BOLD.matcher(text).replaceAll(m -> Matcher.quoteReplacement("**" + m.group(1) + "**"));
    }
}
