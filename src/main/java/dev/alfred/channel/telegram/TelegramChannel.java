package dev.alfred.channel.telegram;

import dev.alfred.channel.Channel;
import dev.alfred.channel.ChannelCapabilities;
import dev.alfred.channel.ChannelStatus;
import dev.alfred.channel.Delivery;
import dev.alfred.channel.Inbound;
import dev.alfred.channel.InboundSink;
import dev.alfred.channel.Outbound;
import dev.alfred.conversation.CommandSpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.api.methods.send.SendChatAction;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * One bot on Telegram. At start (on a thread of its own, so that an unreachable Telegram does not
 * hold up the service) it learns its name, publishes the command menu and, in webhook mode,
 * registers the webhook, retrying until that works; in long-polling mode it then polls whenever it
 * holds the bot's lock.
 */
final class TelegramChannel implements Channel {

    private static final Logger LOG = LoggerFactory.getLogger(TelegramChannel.class);
    private static final int IDLE_CONNECTIONS = 64;
    private static final ChannelCapabilities CAPABILITIES =
            new ChannelCapabilities(true, true, true, true, true, TelegramHtml.MAX_LENGTH);

    /** Where updates come from: Telegram's webhook calls, or this instance's long polling. */
    record Receiving(
            @Nullable String webhookSecret, @Nullable String webhookUrl) {
        boolean webhook() {
            return webhookSecret != null;
        }
    }

    private final String bot;
    private final Receiving receiving;
    private final TelegramSettings settings;
    private final List<CommandSpec> commands;
    private final OkHttpClient http;
    private final ApiReachability reachability = new ApiReachability();
    private final TelegramClient client;
    private final TelegramSender sender;
    private final TelegramDrafts drafts;
    private final UpdateIntake intake;
    private final @Nullable LongPoller poller;
    private volatile BotIdentity self = BotIdentity.UNKNOWN;
    private volatile @Nullable String startProblem = "starting";
    private @Nullable Thread worker;

    TelegramChannel(
            String bot,
            String token,
            Receiving receiving,
            TelegramSettings settings,
            List<CommandSpec> commands,
            InboundSink sink,
            DataSource dataSource) {
        this.bot = bot;
        this.receiving = receiving;
        this.settings = settings;
        this.commands = commands;
        // As many idle connections as the outbox sends at once: with OkHttp's default of 5, every burst of replies
        // opened new connections.
        this.http = new OkHttpClient.Builder()
                .connectionPool(new ConnectionPool(IDLE_CONNECTIONS, 5, TimeUnit.MINUTES))
                .connectTimeout(10, TimeUnit.SECONDS)
                .readTimeout(30, TimeUnit.SECONDS)
                .writeTimeout(30, TimeUnit.SECONDS)
                .addInterceptor(reachability)
                .build();
        this.client = new OkHttpTelegramClient(http, token, settings.apiUrl());
        this.sender = new TelegramSender(client, token);
        this.drafts = new TelegramDrafts(client, sender);
        this.intake = new UpdateIntake(bot, () -> self, sink, client);
        this.poller = receiving.webhook()
                ? null
                : new LongPoller(bot, token, settings, http, dataSource, intake, reachability);
    }

    @Override
    public String bot() {
        return bot;
    }

    @Override
    public String name() {
        return UpdateNormaliser.CHANNEL;
    }

    @Override
    public ChannelCapabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public Delivery send(Outbound message) {
        return sender.send(message);
    }

    /** Groups, supergroups and channels have negative chat ids; private chats are the user's id. */
    @Override
    public boolean isGroupChat(String chat) {
        return chat.startsWith("-");
    }

    @Override
    public Delivery draft(Inbound event, String text, @Nullable String draftId) {
        return drafts.show(event, text, draftId);
    }

    @Override
    public void showProgress(Inbound event) {
        try {
            client.executeAsync(SendChatAction.builder()
                    .chatId(event.chat())
                    .action("typing")
                    .build());
        } catch (TelegramApiException | RuntimeException e) {
            LOG.debug("Telegram bot {}: no typing indicator: {}", bot, e.toString());
        }
    }

    @Override
    public ChannelStatus status() {
        String problem = startProblem != null ? startProblem : reachability.problem();
        if (problem != null) {
            return ChannelStatus.down(problem);
        }
        if (poller == null) {
            return ChannelStatus.up("webhook" + (receiving.webhookUrl() == null ? " (registered elsewhere)" : ""));
        }
        return switch (poller.role()) {
            case POLLING -> ChannelStatus.up("long polling on this instance");
            case STANDBY -> ChannelStatus.up("long polling on another instance (standby)");
            case WAITING ->
                ChannelStatus.down("not long polling: starting, or the polling lock's database is unreachable");
        };
    }

    /** Whether {@code header} is this bot's webhook secret, compared in constant time. */
    boolean acceptsSecret(@Nullable String header) {
        String secret = receiving.webhookSecret();
        return secret != null
                && header != null
                && MessageDigest.isEqual(
                        secret.getBytes(StandardCharsets.UTF_8), header.getBytes(StandardCharsets.UTF_8));
    }

    /** Stores a webhook update; see {@link UpdateIntake#receive}. */
    boolean receive(Update update) {
        return intake.receive(update);
    }

    synchronized void start() {
        worker = Thread.ofVirtual().name("telegram-" + bot).start(this::run);
    }

    synchronized void stop() {
        if (worker != null) {
            worker.interrupt();
            try {
                worker.join(Duration.ofSeconds(15));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            worker = null;
        }
        http.dispatcher().cancelAll();
        http.dispatcher().executorService().shutdownNow();
        http.connectionPool().evictAll();
    }

    private void run() {
        try {
            while (!setUp()) {
                Thread.sleep(settings.startRetry());
            }
            if (poller != null) {
                poller.run();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean setUp() {
        try {
            self = BotSetup.run(client, bot, commands, receiving);
            startProblem = null;
            LOG.info(
                    "Telegram bot {} is @{} ({})",
                    bot,
                    self.username(),
                    receiving.webhook() ? "webhook" : "long polling");
            return true;
        } catch (TelegramApiException | RuntimeException e) {
            startProblem = "cannot start: " + sender.redact(TelegramSender.describe(e));
            LOG.warn("Telegram bot {}: {}; retrying in {}", bot, startProblem, settings.startRetry());
            return false;
        }
    }
}
