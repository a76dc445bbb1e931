package dev.alfred.channel.slack;

import dev.alfred.bot.Bot;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One bot's Slack secrets. HTTP mode needs the bot token and the signing secret; Socket Mode (when an
 * app token is set) needs the bot token and the app token. {@link #toString()} never shows a secret.
 */
record SlackSettings(
        String bot,
        String botToken,
        @Nullable String signingSecret,
        @Nullable String appToken) {

    static final String SIGNING_SECRET = "signing-secret";
    static final String BOT_TOKEN = "bot-token";
    static final String APP_TOKEN = "app-token";

    /** The settings, if the bot's secrets suffice for one of the two modes. */
    static Optional<SlackSettings> of(Bot bot) {
        Optional<String> token = bot.secret(SlackChannels.NAME, BOT_TOKEN);
        String signing = bot.secret(SlackChannels.NAME, SIGNING_SECRET).orElse(null);
        String app = bot.secret(SlackChannels.NAME, APP_TOKEN).orElse(null);
        if (token.isEmpty() || (signing == null && app == null)) {
            return Optional.empty();
        }
        return Optional.of(new SlackSettings(bot.id(), token.get(), signing, app));
    }

    /** Which variables to set, for a bot whose settings do not suffice. */
    static String missing(Bot bot) {
        return "set " + bot.variable(SlackChannels.NAME, BOT_TOKEN) + " and "
                + bot.variable(SlackChannels.NAME, SIGNING_SECRET) + " (or "
                + bot.variable(SlackChannels.NAME, APP_TOKEN) + " for Socket Mode)";
    }

    boolean socketMode() {
        return appToken != null;
    }

    @Override
    public String toString() {
        return "SlackSettings[bot=" + bot + ", mode=" + (socketMode() ? "socket" : "http") + "]";
    }
}
