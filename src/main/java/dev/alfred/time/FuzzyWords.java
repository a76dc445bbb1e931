package dev.alfred.time;

/**
 * Matches words despite small typos ("tomorow", "remnd", "wendesday"): the same first letter and an
 * edit distance (with transpositions) of at most 1, or 2 for words of eight letters or more. Words
 * shorter than five letters must match exactly, since short words are too close to each other.
 */
public final class FuzzyWords {

    private FuzzyWords() {}

    /** Whether {@code word} (lower case) is {@code target} or a likely typo of it. */
    public static boolean near(String word, String target) {
        if (word.equals(target)) {
            return true;
        }
        if (target.length() < 5 || word.isEmpty() || word.charAt(0) != target.charAt(0)) {
            return false;
        }
        int allowed = target.length() >= 8 ? 2 : 1;
        return Math.abs(word.length() - target.length()) <= allowed && distance(word, target) <= allowed;
    }

    /** Whether {@code word} is near any of {@code targets}. */
    public static boolean nearAny(String word, String... targets) {
        for (String target : targets) {
            if (near(word, target)) {
                return true;
            }
        }
        return false;
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
