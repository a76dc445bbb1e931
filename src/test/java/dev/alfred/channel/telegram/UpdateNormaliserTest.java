package dev.alfred.channel.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alfred.channel.Inbound;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Recorded Telegram updates become the right {@link Inbound}, or nothing. */
class UpdateNormaliserTest {

    private static final BotIdentity SELF = new BotIdentity(FakeTelegram.BOT_USER_ID, FakeTelegram.BOT_USERNAME);

    private static Optional<Inbound> normalise(String fixture) {
        return UpdateNormaliser.normalise("alfred", SELF, Updates.parse(Updates.fixture(fixture)));
    }

    @Test
    void a_command_loses_its_slash_and_bot_name() {
        Inbound event = normalise("private-command.json").orElseThrow();
        assertThat(event.kind()).isEqualTo(Inbound.Kind.COMMAND);
        assertThat(event.text()).isEqualTo("task Call Acme");
        assertThat(event.eventId()).isEqualTo("700000001");
        assertThat(event.chat()).isEqualTo("4242");
        assertThat(event.platformUserId()).isEqualTo("4242");
        assertThat(event.userName()).isEqualTo("Ada Lovelace");
        assertThat(event.workspace()).isNull();
        assertThat(event.channel()).isEqualTo("telegram");
        assertThat(event.bot()).isEqualTo("alfred");
    }

    @Test
    void private_text_is_text() {
        Inbound event = normalise("private-text.json").orElseThrow();
        assertThat(event.kind()).isEqualTo(Inbound.Kind.TEXT);
        assertThat(event.text()).isEqualTo("what was our churn last month?");
    }

    @Test
    void group_text_counts_when_it_mentions_the_bot_without_the_mention() {
        Inbound event = normalise("group-mention.json").orElseThrow();
        assertThat(event.kind()).isEqualTo(Inbound.Kind.TEXT);
        assertThat(event.text()).isEqualTo("what is our mrr?");
        assertThat(event.chat()).isEqualTo("-1001234567890");
    }

    @Test
    void group_text_counts_when_it_replies_to_the_bot() {
        assertThat(normalise("group-reply.json"))
                .get()
                .extracting(Inbound::text)
                .isEqualTo("and for last quarter?");
    }

    @Test
    void group_chatter_and_commands_for_other_bots_are_ignored() {
        assertThat(normalise("group-chatter.json")).isEmpty();
        assertThat(normalise("group-command-other-bot.json")).isEmpty();
    }

    @Test
    void edits_are_ignored() {
        assertThat(normalise("edited-message.json")).isEmpty();
    }

    @Test
    void a_button_press_is_a_button_event_with_its_callback_data() {
        Inbound event = normalise("callback-query.json").orElseThrow();
        assertThat(event.kind()).isEqualTo(Inbound.Kind.BUTTON);
        assertThat(event.text()).isEqualTo("task done 42");
        assertThat(event.chat()).isEqualTo("4242");
        assertThat(event.replyAddress()).containsEntry(UpdateNormaliser.CALLBACK_ID, "4382bfdwdsb323b2d9");
    }

    @Test
    void before_the_bot_knows_its_name_a_group_mention_is_not_recognised_but_commands_are() {
        var unknown = UpdateNormaliser.normalise(
                "alfred", BotIdentity.UNKNOWN, Updates.parse(Updates.fixture("group-mention.json")));
        assertThat(unknown).isEmpty();
        var command = UpdateNormaliser.normalise(
                "alfred", BotIdentity.UNKNOWN, Updates.parse(Updates.fixture("private-command.json")));
        assertThat(command).get().extracting(Inbound::text).isEqualTo("task Call Acme");
    }
}
