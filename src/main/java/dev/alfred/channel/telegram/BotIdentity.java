package dev.alfred.channel.telegram;

import java.util.Locale;

/** Who the bot is on Telegram ({@code getMe}), to recognise mentions, replies and addressed commands in groups. */
record BotIdentity(long userId, String username) {

    /** Before {@code getMe} answered: no mention or reply can be recognised yet. */
    static final BotIdentity UNKNOWN = new BotIdentity(0, "");

    boolean isNamed(String name) {
        return !username.isEmpty() && name.toLowerCase(Locale.ROOT).equals(username.toLowerCase(Locale.ROOT));
    }
}
