package dev.alfred.channel.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * Long polls one bot while this instance holds its {@link PollingLease}, and waits on standby while
 * another instance does. Each update is stored before the library asks for the next offset, which
 * is what confirms it to Telegram; if the inbox is unreachable it retries on the polling thread, so
 * nothing is confirmed that was not stored.
 */
final class LongPoller {

    private static final Logger LOG = LoggerFactory.getLogger(LongPoller.class);

    /** What this instance is doing for the bot, for {@code status()}. */
    enum Role {
        /** Not polling, and not because another instance does: starting, or the database is unreachable. */
        WAITING,
        STANDBY,
        POLLING
    }

    private final String bot;
    private final String token;
    private final TelegramSettings settings;
    private final OkHttpClient http;
    private final DataSource dataSource;
    private final UpdateIntake intake;
    private final ApiReachability reachability;
    private volatile Role role = Role.WAITING;
    private volatile boolean stopping;

    LongPoller(
            String bot,
            String token,
            TelegramSettings settings,
            OkHttpClient http,
            DataSource dataSource,
            UpdateIntake intake,
            ApiReachability reachability) {
        this.bot = bot;
        this.token = token;
        this.settings = settings;
        this.http = http;
        this.dataSource = dataSource;
        this.intake = intake;
        this.reachability = reachability;
    }

    Role role() {
        return role;
    }

    /** Runs until the calling thread is interrupted. */
    void run() throws InterruptedException {
        while (!Thread.currentThread().isInterrupted()) {
            Optional<PollingLease> lease;
            try {
                lease = PollingLease.tryAcquire(dataSource, bot);
            } catch (SQLException | RuntimeException e) {
                LOG.warn("Telegram bot {}: cannot reach the database for the polling lock: {}", bot, e.toString());
                role = Role.WAITING;
                Thread.sleep(settings.lockRetry());
                continue;
            }
            if (lease.isEmpty()) {
                if (role != Role.STANDBY) {
                    LOG.info("Telegram bot {}: another instance polls; retrying every {}", bot, settings.lockRetry());
                }
                role = Role.STANDBY;
                Thread.sleep(settings.lockRetry());
                continue;
            }
            try (PollingLease held = lease.get()) {
                poll(held);
            }
        }
    }

    private void poll(PollingLease lease) throws InterruptedException {
        Dispatcher calls = new Dispatcher();
        OkHttpClient polling = http.newBuilder()
                .dispatcher(calls)
                .readTimeout(settings.pollTimeout().plusSeconds(15))
                .build();
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("telegram-poll-" + bot).daemon(true).factory());
        TelegramBotsLongPollingApplication app =
                new TelegramBotsLongPollingApplication(ObjectMapper::new, () -> polling, () -> executor);
        stopping = false;
        try {
            app.registerBot(token, settings::apiUrl, this::getUpdates, this::consume);
            role = Role.POLLING;
            LOG.info("Telegram bot {} is long polling on this instance", bot);
            while (lease.held()) {
                Thread.sleep(settings.lockRetry());
            }
            LOG.warn("Telegram bot {}: lost the polling lock's database connection; stopping polling", bot);
        } catch (TelegramApiException e) {
            reachability.failed("cannot start long polling: " + e.getMessage());
            LOG.warn(
                    "Telegram bot {}: cannot start long polling, retrying in {}: {}",
                    bot,
                    settings.startRetry(),
                    e.getMessage());
            Thread.sleep(settings.startRetry());
        } finally {
            role = Role.WAITING;
            stopping = true;
            close(app, executor, calls);
        }
    }

    private GetUpdates getUpdates(Integer lastReceived) {
        return GetUpdates.builder()
                .offset(lastReceived + 1)
                .limit(100)
                .timeout((int) settings.pollTimeout().toSeconds())
                .allowedUpdates(List.of("message", "callback_query"))
                .build();
    }

    /** Runs on the polling thread: store each update, retrying while the database is unreachable. */
    private void consume(List<Update> updates) {
        for (Update update : updates) {
            while (true) {
                try {
                    intake.receive(update);
                    break;
                } catch (RuntimeException e) {
                    if (stopping) {
                        return; // not confirmed to Telegram: it delivers the update again
                    }
                    LOG.warn(
                            "Telegram bot {}: could not store update {}, retrying: {}",
                            bot,
                            update.getUpdateId(),
                            e.toString());
                    try {
                        Thread.sleep(Duration.ofSeconds(1));
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }
    }

    private void close(TelegramBotsLongPollingApplication app, ScheduledExecutorService executor, Dispatcher calls) {
        boolean interrupted = Thread.interrupted();
        try {
            app.close();
        } catch (Exception e) {
            LOG.debug("Telegram bot {}: closing the polling session: {}", bot, e.toString());
        }
        executor.shutdownNow();
        calls.cancelAll(); // a pending long poll would otherwise hold the thread for up to its timeout
        calls.executorService().shutdownNow();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("Telegram bot {}: the polling thread did not stop in time", bot);
            }
        } catch (InterruptedException e) {
            interrupted = true;
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
