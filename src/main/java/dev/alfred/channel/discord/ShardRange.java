package dev.alfred.channel.discord;

import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * The Discord shards this instance runs: {@code alfred.discord.shards} (ids and ranges such as
 * {@code 0-3}, {@code 2} or {@code 0,2-3}; empty for all) out of {@code alfred.discord.shard-total}.
 */
record ShardRange(List<Integer> ids, int total) {

    private static final Pattern PART = Pattern.compile("(\\d{1,6})(?:-(\\d{1,6}))?");

    ShardRange {
        ids = List.copyOf(ids);
    }

    /**
     * Parses and checks the configuration.
     *
     * @throws IllegalArgumentException with a message naming the keys, when a shard id is malformed or
     *     outside {@code 0..total-1}
     */
    static ShardRange parse(String shards, int total) {
        if (total < 1) {
            throw new IllegalArgumentException("alfred.discord.shard-total must be at least 1, not " + total);
        }
        String spec = shards.strip();
        if (spec.isEmpty()) {
            return new ShardRange(IntStream.range(0, total).boxed().toList(), total);
        }
        TreeSet<Integer> ids = new TreeSet<>();
        for (String part : spec.split(",", -1)) {
            Matcher matcher = PART.matcher(part.strip());
            if (!matcher.matches()) {
                throw new IllegalArgumentException(
                        "alfred.discord.shards must be shard ids or ranges such as 0-3 or 2," + " not '" + spec + "'");
            }
            int first = Integer.parseInt(matcher.group(1));
            int last = matcher.group(2) == null ? first : Integer.parseInt(matcher.group(2));
            if (last < first) {
                throw new IllegalArgumentException("alfred.discord.shards: the range " + part.strip() + " is empty");
            }
            if (last >= total) {
                throw new IllegalArgumentException("alfred.discord.shards=" + spec + " names shard " + last
                        + ", but alfred.discord.shard-total=" + total + " allows only shards " + describe(total));
            }
            for (int id = first; id <= last; id++) {
                ids.add(id);
            }
        }
        return new ShardRange(List.copyOf(ids), total);
    }

    private static String describe(int total) {
        return total == 1 ? "0" : "0-" + (total - 1);
    }
}
