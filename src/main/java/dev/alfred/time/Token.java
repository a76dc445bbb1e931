package dev.alfred.time;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A word of a message, lower-cased without trailing punctuation, with where it stands in the text. */
record Token(String word, int start, int end) {

    private static final Pattern WORD = Pattern.compile("[^\\s,;]+");

    static List<Token> split(String text) {
        List<Token> tokens = new ArrayList<>();
        Matcher matcher = WORD.matcher(text);
        while (matcher.find()) {
            int end = matcher.end();
            while (end > matcher.start() && ".!?)\"'".indexOf(text.charAt(end - 1)) >= 0) {
                end--;
            }
            if (end > matcher.start()) {
                tokens.add(
                        new Token(text.substring(matcher.start(), end).toLowerCase(Locale.ROOT), matcher.start(), end));
            }
        }
        return tokens;
    }
}
