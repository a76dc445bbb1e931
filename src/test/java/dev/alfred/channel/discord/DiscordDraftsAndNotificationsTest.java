package dev.alfred.channel.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.alfred.channel.Channel;
import dev.alfred.channel.ChannelStatus;
import dev.alfred.channel.Delivery;
import dev.alfred.channel.Inbound;
import dev.alfred.channel.Outbound;
import dev.alfred.channel.Reply;
import dev.alfred.conversation.Notifier;
import dev.alfred.identity.Actor;
import dev.alfred.testing.LinkedUsers;
import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Notifications to a person's DM and drafts that grow into the final reply, through JDA against the
 * fake gateway and REST API.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DiscordDraftsAndNotificationsTest implements TestPropertyProvider {

    static final Duration WAIT = Duration.ofSeconds(60);

    final FakeDiscord discord = new FakeDiscord();

    @Inject
    DiscordChannels channels;

    @Inject
    ApplicationContext context;

    @Inject
    Notifier notifier;

    @Inject
    TransactionOperations<Connection> tx;

    @Override
    public Map<String, String> getProperties() {
        return discord.alfredProperties("alfred.outbox.backoff", "200ms");
    }

    @BeforeAll
    void connect() {
        await().atMost(WAIT).until(() -> bot().status().state() == ChannelStatus.State.UP);
    }

    @AfterAll
    void closeFake() {
        discord.close();
    }

    DiscordBot bot() {
        return channels.find("alfred").orElseThrow();
    }

    static Reply answer() {
        return Reply.text("MRR is *42k*")
                .withCard(new Reply.Card(
                        "MRR",
                        List.of(new Reply.Field("Month", "October")),
                        List.of(new Reply.Button("Chart", "metric mrr", Reply.Button.Style.PRIMARY))));
    }

    static Inbound directMessage(FakeDiscord.Person person) {
        return DiscordInbound.message(origin(person), Fixtures.snowflake(), "how is MRR?");
    }

    static DiscordInbound.Origin origin(FakeDiscord.Person person) {
        return new DiscordInbound.Origin("alfred", null, person.dmChannel(), person.id(), person.name());
    }

    static Outbound finalReply(Inbound event, String draft) {
        Map<String, String> address = new HashMap<>(event.replyAddress());
        address.put(Channel.DRAFT, draft);
        return new Outbound(1, "alfred", "discord", event.chat(), answer(), address, 1);
    }

    String messages(FakeDiscord.Person person) {
        return "channels/" + person.dmChannel() + "/messages";
    }

    Actor notifyNewPerson(FakeDiscord.Person person, Reply reply) {
        Actor actor = LinkedUsers.link(context, "discord", person.id(), person.name());
        boolean reachable = tx.executeWrite(status -> notifier.notify(actor.tenantId(), actor.userId(), reply));
        assertThat(reachable).isTrue();
        return actor;
    }

    @Test
    void a_notification_is_sent_to_the_dm_discord_opens_with_the_person() {
        FakeDiscord.Person person = FakeDiscord.Person.create();
        notifyNewPerson(person, answer());

        await().atMost(WAIT)
                .until(() -> !discord.rest.calls("POST", messages(person)).isEmpty());
        assertThat(discord.rest.calls("POST", "users/@me/channels"))
                .anySatisfy(open ->
                        assertThat(open.body()).contains("\"recipient_id\"").contains(person.id()));
        assertThat(discord.rest.calls("POST", messages(person)).getFirst().body())
                .contains("\"content\":\"MRR is **42k**\"")
                .contains("\"title\":\"MRR\"", "\"name\":\"Month\"", "\"value\":\"October\"")
                .contains("\"custom_id\":\"metric mrr\"");
        assertThat(discord.rest.calls(c -> c.path().contains("@")).stream()
                        .filter(c ->
                                !c.path().startsWith("users/@me") && !c.path().contains("@original")))
                .isEmpty();
    }

    @Test
    void a_notification_answered_with_429_and_then_500_is_retried_until_it_arrives() {
        FakeDiscord.Person person = FakeDiscord.Person.create();
        discord.rest.rateLimitNext("POST", messages(person), 1);
        discord.rest.failNext("POST", messages(person), 500, 0, "500: Internal Server Error");
        notifyNewPerson(person, Reply.text("Reminder: call Acme"));

        await().atMost(WAIT)
                .until(() -> discord.rest.calls("POST", messages(person)).size() == 3);
        assertThat(discord.rest.calls("POST", messages(person)))
                .allSatisfy(c -> assertThat(c.body()).contains("Reminder: call Acme"));
        await().during(Duration.ofSeconds(1))
                .atMost(WAIT)
                .until(() -> discord.rest.calls("POST", messages(person)).size() == 3);
    }

    @Test
    void two_drafts_and_the_final_reply_are_one_message_and_two_edits() {
        FakeDiscord.Person person = FakeDiscord.Person.create();
        Inbound question = directMessage(person);

        Delivery first = bot().draft(question, "MRR is", null);
        assertThat(first).isInstanceOf(Delivery.Sent.class);
        String id = ((Delivery.Sent) first).messageId();
        assertThat(bot().draft(question, "MRR is *42", id)).isEqualTo(new Delivery.Sent(id));
        assertThat(bot().send(finalReply(question, id))).isEqualTo(new Delivery.Sent(id));

        assertThat(discord.rest.calls("POST", messages(person)))
                .singleElement()
                .satisfies(post -> assertThat(post.body()).contains("\"content\":\"MRR is\""));
        List<FakeDiscordRest.Call> edits = discord.rest.calls("PATCH", messages(person) + "/" + id);
        assertThat(edits).hasSize(2);
        assertThat(edits.getLast().body())
                .contains("\"content\":\"MRR is **42k**\"", "\"title\":\"MRR\"", "\"custom_id\":\"metric mrr\"");
    }

    @Test
    void a_draft_discord_will_not_edit_gives_way_to_a_new_message() {
        FakeDiscord.Person person = FakeDiscord.Person.create();
        Inbound question = directMessage(person);
        String id = ((Delivery.Sent) bot().draft(question, "MRR is", null)).messageId();
        discord.rest.failNext("PATCH", messages(person) + "/" + id, 404, 10008, "Unknown Message");

        Delivery delivery = bot().send(finalReply(question, id));

        assertThat(delivery)
                .isInstanceOfSatisfying(
                        Delivery.Sent.class, s -> assertThat(s.messageId()).isNotEqualTo(id));
        List<FakeDiscordRest.Call> posts = discord.rest.calls("POST", messages(person));
        assertThat(posts).hasSize(2);
        assertThat(posts.getLast().body()).contains("\"content\":\"MRR is **42k**\"", "\"custom_id\":\"metric mrr\"");
    }

    @Test
    void drafts_of_an_interaction_and_its_final_reply_edit_the_original_response() {
        FakeDiscord.Person person = FakeDiscord.Person.create();
        FakeDiscord.Interaction interaction = FakeDiscord.newInteraction();
        Inbound command = DiscordInbound.interaction(
                origin(person),
                interaction.id(),
                Inbound.Kind.TEXT,
                "ask how is MRR",
                interaction.token(),
                Instant.now());

        String id = ((Delivery.Sent) bot().draft(command, "MRR is", null)).messageId();
        assertThat(bot().draft(command, "MRR is *42", id)).isEqualTo(new Delivery.Sent(id));
        assertThat(bot().send(finalReply(command, id))).isEqualTo(new Delivery.Sent(id));

        String original = "webhooks/" + Fixtures.BOT_ID + "/" + interaction.token() + "/messages/@original";
        List<FakeDiscordRest.Call> edits = discord.rest.calls("PATCH", java.util.regex.Pattern.quote(original));
        assertThat(edits).hasSize(3);
        assertThat(edits.getFirst().body()).contains("\"content\":\"MRR is\"");
        assertThat(edits.getLast().body()).contains("\"content\":\"MRR is **42k**\"", "\"custom_id\":\"metric mrr\"");
        assertThat(discord.rest.calls(c -> c.method().equals("POST") && c.path().contains(interaction.token())))
                .isEmpty(); // no follow-up message
        assertThat(discord.rest.calls("POST", messages(person))).isEmpty();
    }

    @Test
    void a_draft_id_that_is_no_discord_message_id_is_ignored_and_the_reply_sent() {
        FakeDiscord.Person person = FakeDiscord.Person.create();
        Inbound question = directMessage(person);

        assertThat(bot().send(finalReply(question, "ack"))).isInstanceOf(Delivery.Sent.class);

        assertThat(discord.rest.calls("POST", messages(person))).hasSize(1);
        assertThat(discord.rest.calls(c -> c.method().equals("PATCH")))
                .noneSatisfy(c -> assertThat(c.path()).startsWith(messages(person)));
    }
}
