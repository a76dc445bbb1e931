package dev.alfred.channel.discord;

import dev.alfred.conversation.CommandSpec;
import java.util.List;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/** The catalogue as Discord slash commands: one optional string option for commands that take arguments. */
final class SlashCommands {

    private SlashCommands() {}

    static List<CommandData> of(List<CommandSpec> specs) {
        return specs.stream().map(SlashCommands::command).toList();
    }

    private static CommandData command(CommandSpec spec) {
        SlashCommandData command =
                Commands.slash(spec.name(), DiscordMarkdown.truncate(describe(spec.description()), 100));
        if (spec.takesArguments()) {
            command.addOption(
                    OptionType.STRING, spec.option(), DiscordMarkdown.truncate(describe(spec.usage()), 100), false);
        }
        return command;
    }

    private static String describe(String text) {
        return text.isBlank() ? "-" : text.strip();
    }
}
