package dev.alfred.channel.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** {@code alfred.discord.shards} out of {@code alfred.discord.shard-total}: what it runs, and the messages for bad values. */
class ShardRangeTest {

    @Test
    void empty_means_every_shard() {
        assertThat(ShardRange.parse("", 1).ids()).containsExactly(0);
        assertThat(ShardRange.parse("  ", 4).ids()).containsExactly(0, 1, 2, 3);
    }

    @Test
    void ids_ranges_and_lists() {
        assertThat(ShardRange.parse("2", 4).ids()).containsExactly(2);
        assertThat(ShardRange.parse("0-3", 8).ids()).containsExactly(0, 1, 2, 3);
        assertThat(ShardRange.parse(" 5 , 0-1,1 ", 6).ids()).containsExactly(0, 1, 5);
        assertThat(ShardRange.parse("1", 2).total()).isEqualTo(2);
    }

    @Test
    void a_shard_outside_the_total_is_refused_naming_both_keys() {
        assertThatThrownBy(() -> ShardRange.parse("5", 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("alfred.discord.shards=5 names shard 5, but alfred.discord.shard-total=2 allows only"
                        + " shards 0-1");
        assertThatThrownBy(() -> ShardRange.parse("0-1", 1)).hasMessageContaining("allows only shards 0");
    }

    @Test
    void malformed_values_are_refused_with_a_clear_message() {
        for (String bad : List.of("a", "1-", "-1", "1,,2", "0-3x", "1 2")) {
            assertThatThrownBy(() -> ShardRange.parse(bad, 4))
                    .as(bad)
                    .hasMessageContaining("must be shard ids or ranges such as 0-3 or 2");
        }
        assertThatThrownBy(() -> ShardRange.parse("3-1", 4)).hasMessageContaining("the range 3-1 is empty");
        assertThatThrownBy(() -> ShardRange.parse("", 0)).hasMessageContaining("shard-total must be at least 1");
    }

    @Test
    void a_bad_total_is_reported_by_the_settings_not_thrown_at_startup() {
        DiscordSettings settings = new DiscordSettings(
                "http://x/",
                "",
                java.time.Duration.ofSeconds(1),
                java.time.Duration.ofSeconds(1),
                java.time.Duration.ofMinutes(5),
                "two",
                "");
        assertThatThrownBy(settings::shardRange).hasMessageContaining("shard-total must be a whole number, not 'two'");
    }

    /** Seeded: any list of ids and ranges runs exactly their union when inside the total, and is refused otherwise. */
    @Test
    void any_list_runs_the_union_of_its_parts_or_is_refused() {
        Random random = new Random(8);
        for (int run = 0; run < 2000; run++) {
            int total = 1 + random.nextInt(40);
            int parts = 1 + random.nextInt(4);
            List<String> spec = new ArrayList<>();
            TreeSet<Integer> expected = new TreeSet<>();
            int highest = 0;
            for (int p = 0; p < parts; p++) {
                int first = random.nextInt(total + 3);
                int last = random.nextBoolean() ? first : first + random.nextInt(5);
                spec.add(first == last && random.nextBoolean() ? Integer.toString(first) : first + "-" + last);
                highest = Math.max(highest, last);
                for (int id = first; id <= last; id++) {
                    expected.add(id);
                }
            }
            String text = String.join(",", spec);
            if (highest < total) {
                assertThat(ShardRange.parse(text, total).ids()).as(text).containsExactlyElementsOf(expected);
            } else {
                assertThatThrownBy(() -> ShardRange.parse(text, total))
                        .as(text)
                        .hasMessageContaining("alfred.discord.shard-total=" + total);
            }
        }
    }
}
