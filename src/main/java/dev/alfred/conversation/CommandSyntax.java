package dev.alfred.conversation;

import dev.alfred.channel.Inbound;
import java.util.Locale;

/** How commands are written on each platform and how a command line splits into name and arguments. */
final class CommandSyntax {

    private CommandSyntax() {}

    /** {@code /} everywhere but Slack, where every command goes through the bot's one command: {@code /alfred }. */
    static String prefix(Inbound event) {
        return event.channel().equals("slack") ? "/" + event.bot() + " " : "/";
    }

    /** The command name, lower-cased, without a leading slash or a Telegram {@code @botname}. */
    static String name(String line) {
        String first = line.strip().split("\\s+", 2)[0];
        if (first.startsWith("/")) {
            first = first.substring(1);
        }
        int at = first.indexOf('@');
        return (at >= 0 ? first.substring(0, at) : first).toLowerCase(Locale.ROOT);
    }

    static String args(String line) {
        String[] parts = line.strip().split("\\s+", 2);
        return parts.length > 1 ? parts[1].strip() : "";
    }
}
