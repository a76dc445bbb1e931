package dev.alfred.channel.slack;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.alfred.channel.Channel;
import dev.alfred.channel.ChannelProvider;
import dev.alfred.channel.ChannelStatus;
import dev.alfred.testing.AlfredProperties;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;

/** Without Slack secrets Alfred starts, the channel is DISABLED, says so once in the log, and takes no requests. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlackDisabledTest implements TestPropertyProvider {

    static final ListAppender<ILoggingEvent> LOG = new ListAppender<>();

    @Inject
    EmbeddedServer server;

    @Inject
    List<ChannelProvider> providers;

    @Override
    public Map<String, String> getProperties() {
        LOG.start();
        ((Logger) LoggerFactory.getLogger(SlackChannels.class)).addAppender(LOG);
        return AlfredProperties.fresh();
    }

    @Test
    void the_channel_is_disabled_and_names_the_variables_to_set() {
        Channel slack = providers.stream()
                .flatMap(p -> p.channels().stream())
                .filter(c -> c.name().equals("slack"))
                .findFirst()
                .orElseThrow();
        assertThat(slack.status().state()).isEqualTo(ChannelStatus.State.DISABLED);
        assertThat(slack.status().detail())
                .contains("ALFRED_SLACK_BOT_TOKEN", "ALFRED_SLACK_SIGNING_SECRET", "ALFRED_SLACK_APP_TOKEN");
        assertThat(LOG.list)
                .filteredOn(e -> e.getFormattedMessage().contains("Slack channel of bot alfred is disabled"))
                .singleElement()
                .satisfies(e -> assertThat(e.getFormattedMessage()).contains("ALFRED_SLACK_BOT_TOKEN"));
    }

    @Test
    void slack_requests_are_404() {
        HttpResponse<String> response = new SignedRequests(server.getURI())
                .post("/slack/events", "application/json", "{}", SignedRequests.SECRET, Instant.now(), Map.of());
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("no Slack bot");
    }
}
