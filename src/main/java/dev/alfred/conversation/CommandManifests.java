package dev.alfred.conversation;

import dev.alfred.bot.Bot;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The platform command manifests of a bot, generated from the command catalogue and checked in
 * next to its {@code bot.yml}: {@code telegram-commands.json} (the {@code setMyCommands} list),
 * {@code discord-commands.json} (application commands) and {@code slack-manifest.yml} (a Slack app
 * manifest with the bot's one slash command). A test fails when the checked-in files are stale.
 */
@Singleton
public class CommandManifests {

    private final CommandCatalogue catalogue;
    private final Json json;

    CommandManifests(CommandCatalogue catalogue, Json json) {
        this.catalogue = catalogue;
        this.json = json;
    }

    /** File name to content, for each platform the bot declares. */
    public Map<String, String> render(Bot bot) {
        Map<String, String> files = new LinkedHashMap<>();
        if (bot.declares("telegram")) {
            files.put("telegram-commands.json", telegram());
        }
        if (bot.declares("discord")) {
            files.put("discord-commands.json", discord());
        }
        if (bot.declares("slack")) {
            files.put("slack-manifest.yml", slack(bot));
        }
        return files;
    }

    private String telegram() {
        return array(catalogue.specs().stream()
                .map(spec -> "{\"command\": %s, \"description\": %s}"
                        .formatted(json.write(spec.name()), json.write(spec.description())))
                .toList());
    }

    private String discord() {
        return array(catalogue.specs().stream()
                .map(spec -> {
                    String options = spec.takesArguments()
                            ? "[{\"type\": 3, \"name\": %s, \"description\": %s, \"required\": false}]"
                                    .formatted(json.write(spec.option()), json.write(spec.usage()))
                            : "[]";
                    return "{\"type\": 1, \"name\": %s, \"description\": %s, \"options\": %s}"
                            .formatted(json.write(spec.name()), json.write(spec.description()), options);
                })
                .toList());
    }

    private String slack(Bot bot) {
        String commands = catalogue.specs().stream().map(CommandSpec::name).collect(Collectors.joining(" | "));
        return """
                # Generated from Alfred's command catalogue; do not edit by hand.
                # Replace YOUR-HOST with Alfred's public address, or enable Socket Mode and set the app token.
                display_information:
                  name: %1$s
                features:
                  bot_user:
                    display_name: %1$s
                    always_online: true
                  slash_commands:
                    - command: /%2$s
                      url: https://YOUR-HOST/slack/events
                      description: Ask %1$s
                      usage_hint: "%3$s"
                      should_escape: false
                oauth_config:
                  scopes:
                    bot: [commands, chat:write, app_mentions:read, im:history, im:read, im:write, files:write]
                settings:
                  event_subscriptions:
                    request_url: https://YOUR-HOST/slack/events
                    bot_events: [app_mention, message.im]
                  interactivity:
                    is_enabled: true
                    request_url: https://YOUR-HOST/slack/events
                  socket_mode_enabled: false
                """.formatted(bot.displayName(), bot.id(), commands);
    }

    private static String array(List<String> elements) {
        return elements.stream().map(e -> "  " + e).collect(Collectors.joining(",\n", "[\n", "\n]\n"));
    }
}
