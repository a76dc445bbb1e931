package dev.alfred.channel.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.util.http.SlackHttpClient;
import dev.alfred.bot.Bot;
import dev.alfred.bot.BotRegistry;
import dev.alfred.channel.Channel;
import dev.alfred.channel.ChannelProvider;
import dev.alfred.channel.InboundSink;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Slack channel per bot whose {@code bot.yml} declares {@code slack}. Channels start in the
 * background after startup (so that a slow or unreachable Slack does not hold the service up) and are
 * tried again every {@code alfred.slack.restart-interval} until they run; all share one SDK client
 * whose Web API base URL is {@code alfred.slack.api-url} and whose calls give up after
 * {@code alfred.slack.timeout}.
 */
@Singleton
class SlackChannels implements ChannelProvider {

    static final String NAME = "slack";
    private static final Logger LOG = LoggerFactory.getLogger(SlackChannels.class);
    private static final int IDLE_CONNECTIONS = 64;

    private final Slack slack;
    private final SlackExecutors executors = new SlackExecutors();
    private final List<SlackBot> bots;
    private final Duration restartInterval;
    private final ScheduledExecutorService starter = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("slack-starter").daemon().factory());

    SlackChannels(
            BotRegistry registry,
            InboundSink sink,
            @Value("${alfred.slack.api-url:https://slack.com/api/}") String apiUrl,
            @Value("${alfred.slack.restart-interval:30s}") Duration restartInterval,
            @Value("${alfred.slack.timeout:10s}") Duration timeout) {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(apiUrl.endsWith("/") ? apiUrl : apiUrl + "/");
        config.setHttpClientCallTimeoutMillis(
                (int) timeout.toMillis()); // a hung Slack fails the send, which is retried
        config.setExecutorServiceProvider(executors);
        config.setStatsEnabled(false); // Alfred paces sends itself (RateLimits); the SDK's counters are unused
        this.slack = Slack.getInstance(config, httpClient(config));
        this.restartInterval = restartInterval;
        this.bots = registry.all().stream()
                .filter(bot -> bot.declares(NAME))
                .map(bot -> channel(bot, sink))
                .toList();
    }

    /**
     * The SDK's HTTP client, keeping as many idle connections as the outbox sends at once (workers, their lanes and
     * hand-overs): with OkHttp's default of 5, every burst of replies opened new connections.
     */
    private static SlackHttpClient httpClient(SlackConfig config) {
        SlackHttpClient client = new SlackHttpClient(SlackHttpClient.buildOkHttpClient(config)
                .newBuilder()
                .connectionPool(new ConnectionPool(IDLE_CONNECTIONS, 5, TimeUnit.MINUTES))
                .build());
        client.setConfig(config);
        return client;
    }

    private SlackBot channel(Bot bot, InboundSink sink) {
        Optional<SlackSettings> settings = SlackSettings.of(bot);
        String why = SlackSettings.missing(bot);
        if (settings.isEmpty()) {
            LOG.info("Slack channel of bot {} is disabled: {}", bot.id(), why);
        }
        return new SlackBot(bot.id(), settings.orElse(null), why, slack, executors, sink);
    }

    @Override
    public List<Channel> channels() {
        return List.copyOf(bots);
    }

    /** The channel of one bot. */
    Optional<SlackBot> find(String bot) {
        return bots.stream().filter(b -> b.bot().equals(bot)).findFirst();
    }

    /** The channels that take requests at {@code POST /slack/events} (enabled, not in Socket Mode). */
    List<SlackBot> httpBots() {
        return bots.stream()
                .filter(b -> b.settings().filter(s -> !s.socketMode()).isPresent())
                .toList();
    }

    @EventListener
    void start(StartupEvent event) {
        if (bots.stream().anyMatch(SlackBot::enabled)) {
            starter.scheduleWithFixedDelay(this::startAll, 0, restartInterval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void startAll() {
        bots.stream().filter(SlackBot::enabled).forEach(SlackBot::start);
    }

    @PreDestroy
    void stop() throws Exception {
        starter.shutdownNow();
        starter.awaitTermination(10, TimeUnit.SECONDS);
        bots.forEach(SlackBot::stop);
        slack.close();
        executors.close();
    }
}
