package dev.alfred.channel.discord;

import dev.alfred.testing.AlfredProperties;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Discord as JDA sees it: the fake REST API and gateway together, with the events a test pushes. */
final class FakeDiscord implements AutoCloseable {

    /** A Discord user, with the DM channel Discord would give them. */
    record Person(String id, String name) {
        static Person create() {
            return new Person(
                    Fixtures.snowflake(), "user-" + UUID.randomUUID().toString().substring(0, 6));
        }

        String dmChannel() {
            return FakeDiscordRest.dmChannel(id);
        }

        String json() {
            return Fixtures.load("user.json", Map.of("USER_ID", id, "USERNAME", name));
        }
    }

    /** An interaction pushed to the bot: its id and the token its replies use. */
    record Interaction(String id, String token) {}

    final FakeDiscordRest rest = new FakeDiscordRest();
    final FakeDiscordGateway gateway = new FakeDiscordGateway();

    /** Properties that point the default bot's Discord channel at this fake. */
    Map<String, String> properties() {
        return Map.of(
                "alfred.secrets.ALFRED_DISCORD_BOT_TOKEN", "fake-bot-token",
                "alfred.discord.api-url", rest.url(),
                "alfred.discord.gateway-url", gateway.url());
    }

    /** A fresh test instance of Alfred (database, owner key) talking to this fake, plus {@code extra} key-value pairs. */
    Map<String, String> alfredProperties(String... extra) {
        List<String> pairs = new ArrayList<>();
        properties().forEach((key, value) -> {
            pairs.add(key);
            pairs.add(value);
        });
        pairs.addAll(List.of(extra));
        return AlfredProperties.fresh(pairs.toArray(String[]::new));
    }

    /** The JSON of a slash command in a DM; {@code option} null for none. */
    static String slashCommandJson(Interaction interaction, Person person, String name, String option, String value) {
        String options =
                value == null ? "[]" : "[{\"name\": \"" + option + "\", \"type\": 3, \"value\": \"" + value + "\"}]";
        return Fixtures.load(
                "slash-command-dm.json",
                Map.of(
                        "ID", interaction.id(),
                        "TOKEN", interaction.token(),
                        "CHANNEL_ID", person.dmChannel(),
                        "USER", person.json(),
                        "USER_ID", person.id(),
                        "NAME", name,
                        "OPTIONS", options));
    }

    /** The JSON of a slash command in the guild's #general. */
    static String guildSlashCommandJson(Interaction interaction, Person person, String name) {
        return Fixtures.load(
                "slash-command-guild.json",
                Map.of(
                        "ID", interaction.id(),
                        "TOKEN", interaction.token(),
                        "USER", person.json(),
                        "NAME", name,
                        "OPTIONS", "[]"));
    }

    static Interaction newInteraction() {
        return new Interaction(Fixtures.snowflake(), "token-" + UUID.randomUUID());
    }

    Interaction slashCommand(Person person, String name, String option, String value) {
        return slashCommand(newInteraction(), person, name, option, value);
    }

    /** Pushes a slash command for an interaction the test made, e.g. to inject faults for its token first. */
    Interaction slashCommand(Interaction interaction, Person person, String name, String option, String value) {
        gateway.dispatch("INTERACTION_CREATE", slashCommandJson(interaction, person, name, option, value));
        return interaction;
    }

    /** A direct message written by a bot (here: Alfred itself); returns the message id. */
    String directMessageFromBot(Person person, String content) {
        return directMessage(person, Fixtures.load("self-user.json", Map.of()), content);
    }

    Interaction button(Person person, String customId) {
        Interaction interaction = newInteraction();
        gateway.dispatch(
                "INTERACTION_CREATE",
                Fixtures.load(
                        "button-dm.json",
                        Map.of(
                                "ID", interaction.id(),
                                "TOKEN", interaction.token(),
                                "CHANNEL_ID", person.dmChannel(),
                                "USER", person.json(),
                                "USER_ID", person.id(),
                                "CUSTOM_ID", customId)));
        return interaction;
    }

    /** A direct message from {@code person}; returns the message id. */
    String directMessage(Person person, String content) {
        return directMessage(person, person.json(), content);
    }

    /** A direct message from {@code person} on one shard's connection only; returns the message id. */
    String directMessage(int shard, Person person, String content) {
        String id = Fixtures.snowflake();
        gateway.dispatch(shard, "MESSAGE_CREATE", directMessageJson(id, person, person.json(), content));
        return id;
    }

    private String directMessage(Person person, String author, String content) {
        String id = Fixtures.snowflake();
        gateway.dispatch("MESSAGE_CREATE", directMessageJson(id, person, author, content));
        return id;
    }

    private static String directMessageJson(String id, Person person, String author, String content) {
        return Fixtures.load(
                "message-dm.json",
                Map.of(
                        "ID", id,
                        "CHANNEL_ID", person.dmChannel(),
                        "CONTENT", content,
                        "USER", author,
                        "MENTIONS", "[]"));
    }

    /** A message in the guild's #general, mentioning the bot or not; returns the message id. */
    String guildMessage(Person person, String content, boolean mentionsBot) {
        String id = Fixtures.snowflake();
        gateway.dispatch("MESSAGE_CREATE", guildMessageJson(id, person, content, mentionsBot));
        return id;
    }

    /** A message in the guild's #general on one shard's connection only; returns the message id. */
    String guildMessage(int shard, Person person, String content, boolean mentionsBot) {
        String id = Fixtures.snowflake();
        gateway.dispatch(shard, "MESSAGE_CREATE", guildMessageJson(id, person, content, mentionsBot));
        return id;
    }

    private static String guildMessageJson(String id, Person person, String content, boolean mentionsBot) {
        String mentions = mentionsBot ? "[" + Fixtures.load("self-user.json", Map.of()) + "]" : "[]";
        return Fixtures.load(
                "message-guild.json",
                Map.of("ID", id, "CONTENT", content, "USER", person.json(), "MENTIONS", mentions));
    }

    @Override
    public void close() {
        gateway.close();
        rest.close();
    }
}
