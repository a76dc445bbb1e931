package dev.alfred.channel.console;

import dev.alfred.channel.Reply;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Notifications for people using the console (their direct chat {@code @<user id>}), kept in memory
 * until the page polls for them: the last {@link #KEPT} per person, on the instance that delivered
 * them. Like a console reply nobody waits for, a notification is gone after a restart.
 */
@Singleton
class ConsoleMailbox {

    static final int KEPT = 100;

    /** One notification; {@code id} grows, so the page asks for what came after the last it saw. */
    @Serdeable
    record Notification(long id, String bot, Instant at, Reply reply) {}

    private final AtomicLong ids = new AtomicLong();
    private final Map<String, Deque<Notification>> byUser = new ConcurrentHashMap<>();

    long put(String bot, String userId, Reply reply) {
        Deque<Notification> box = byUser.computeIfAbsent(userId, u -> new ArrayDeque<>());
        synchronized (box) {
            long id = ids.incrementAndGet();
            box.addLast(new Notification(id, bot, Instant.now(), reply));
            while (box.size() > KEPT) {
                box.removeFirst();
            }
            return id;
        }
    }

    /** The person's notifications after {@code after}, oldest first. */
    List<Notification> after(String userId, long after) {
        Deque<Notification> box = byUser.get(userId);
        if (box == null) {
            return List.of();
        }
        synchronized (box) {
            return box.stream().filter(n -> n.id() > after).toList();
        }
    }
}
