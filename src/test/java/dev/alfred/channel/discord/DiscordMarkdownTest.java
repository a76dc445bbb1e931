package dev.alfred.channel.discord;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The reply markdown subset as Discord markdown. */
class DiscordMarkdownTest {

    @Test
    void single_star_bold_becomes_double_star() {
        assertThat(DiscordMarkdown.of("Revenue is *up* and *very* good"))
                .isEqualTo("Revenue is **up** and **very** good");
    }

    @Test
    void italics_links_bullets_and_existing_double_stars_stay() {
        String text = "_soon_ see [the report](https://example.com/a*b*c)\n- one\n- two **kept**";
        assertThat(DiscordMarkdown.of(text)).isEqualTo(text);
    }

    @Test
    void code_is_left_alone() {
        assertThat(DiscordMarkdown.of("run `a *b* c` then *go*\n```\n*x*\n```"))
                .isEqualTo("run `a *b* c` then **go**\n```\n*x*\n```");
    }

    @Test
    void stars_that_are_not_emphasis_stay() {
        assertThat(DiscordMarkdown.of("2 * 3 * 4 and a*b")).isEqualTo("2 * 3 * 4 and a*b");
    }

    @Test
    void long_text_is_cut_to_discords_limit() {
        String cut = DiscordMarkdown.of("x".repeat(2500));
        assertThat(cut).hasSize(DiscordMarkdown.MAX_CONTENT).endsWith("…");
    }
}
