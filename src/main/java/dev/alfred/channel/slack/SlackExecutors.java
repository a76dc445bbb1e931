package dev.alfred.channel.slack;

import com.slack.api.util.thread.ExecutorServiceProvider;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The thread pools the Slack SDK asks for (rate-limit metrics, Socket Mode message processing and
 * session monitoring), remembered so that {@link #close()} can stop them all at shutdown; the SDK's
 * own provider creates daemon pools that nobody stops. Threads are named {@code alfred-slack-...}.
 */
final class SlackExecutors implements ExecutorServiceProvider, AutoCloseable {

    static final String THREAD_PREFIX = "alfred-slack-";

    private final List<ExecutorService> created = new CopyOnWriteArrayList<>();

    @Override
    public ExecutorService createThreadPoolExecutor(String threadGroupName, int poolSize) {
        return remember(Executors.newFixedThreadPool(Math.max(1, poolSize), threads(threadGroupName)));
    }

    @Override
    public ScheduledExecutorService createThreadScheduledExecutor(String threadGroupName) {
        return remember(Executors.newSingleThreadScheduledExecutor(threads(threadGroupName)));
    }

    private <T extends ExecutorService> T remember(T executor) {
        created.add(executor);
        return executor;
    }

    private static java.util.concurrent.ThreadFactory threads(String group) {
        return Thread.ofPlatform().name(THREAD_PREFIX + group + "-", 0).daemon().factory();
    }

    @Override
    public void close() throws InterruptedException {
        created.forEach(ExecutorService::shutdownNow);
        for (ExecutorService executor : created) {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        }
        created.clear();
    }
}
