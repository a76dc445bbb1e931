package dev.alfred.channel.discord;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * Discord's gateway, JSON without compression, for any number of shard connections: HELLO on
 * connect, READY for the shard an IDENTIFY names (and the guild's GUILD_CREATE on the shard that
 * holds the guild, {@code (guild_id >> 22) % total}), ACK for every heartbeat, and the dispatches a
 * test pushes, to every connection or to one shard's. It records what clients sent, each IDENTIFY's
 * {@code shard} field and how many connections were opened and closed.
 */
final class FakeDiscordGateway extends WebSocketServer implements AutoCloseable {

    private static final Pattern OP = Pattern.compile("\"op\"\\s*:\\s*(\\d+)");
    private static final Pattern SHARD = Pattern.compile("\"shard\"\\s*:\\s*\\[\\s*(\\d+)\\s*,\\s*(\\d+)\\s*]");

    private final CountDownLatch started = new CountDownLatch(1);
    private final AtomicInteger sequence = new AtomicInteger();
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger opened = new AtomicInteger();
    private final AtomicInteger closed = new AtomicInteger();
    private final List<String> identified = new CopyOnWriteArrayList<>();
    private final Set<Integer> silent = ConcurrentHashMap.newKeySet();

    FakeDiscordGateway() {
        super(new InetSocketAddress("127.0.0.1", 0));
        setReuseAddr(true);
        start();
        try {
            if (!started.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("fake gateway did not start");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String url() {
        return "ws://127.0.0.1:" + getPort() + "/";
    }

    /** Sends {@code {"op":0,"t":type,"d":data}} to every connected client. */
    void dispatch(String type, String data) {
        String frame = "{\"op\":0,\"s\":" + sequence.incrementAndGet() + ",\"t\":\"" + type + "\",\"d\":" + data + "}";
        getConnections().forEach(connection -> connection.send(frame));
    }

    /** Sends a dispatch only on the connection that identified as {@code shard}. */
    void dispatch(int shard, String type, String data) {
        String frame = "{\"op\":0,\"s\":" + sequence.incrementAndGet() + ",\"t\":\"" + type + "\",\"d\":" + data + "}";
        getConnections().stream()
                .filter(connection -> shardOf(connection)[0] == shard)
                .forEach(connection -> connection.send(frame));
    }

    /** From now on, an IDENTIFY of {@code shard} gets no READY: that shard never finishes connecting. */
    void neverReady(int shard) {
        silent.add(shard);
    }

    /** The {@code shard} field of every IDENTIFY, in order, e.g. {@code [1,2]}. */
    List<String> identifiedShards() {
        return List.copyOf(identified);
    }

    List<String> received() {
        return List.copyOf(received);
    }

    int openConnections() {
        return (int) getConnections().stream().filter(WebSocket::isOpen).count();
    }

    int closedConnections() {
        return closed.get();
    }

    @Override
    public void onStart() {
        started.countDown();
    }

    @Override
    public void onOpen(WebSocket connection, ClientHandshake handshake) {
        opened.incrementAndGet();
        connection.send("{\"op\":10,\"s\":null,\"t\":null,\"d\":{\"heartbeat_interval\":41250}}");
    }

    @Override
    public void onMessage(WebSocket connection, String message) {
        received.add(message);
        Matcher op = OP.matcher(message);
        int code = op.find() ? Integer.parseInt(op.group(1)) : -1;
        switch (code) {
            case 1 -> connection.send("{\"op\":11,\"s\":null,\"t\":null,\"d\":null}");
            case 2, 6 -> {
                Matcher shard = SHARD.matcher(message);
                if (shard.find()) {
                    connection.setAttachment(
                            new int[] {Integer.parseInt(shard.group(1)), Integer.parseInt(shard.group(2))});
                    identified.add("[" + shard.group(1) + "," + shard.group(2) + "]");
                }
                int[] ids = shardOf(connection);
                if (silent.contains(ids[0])) {
                    return;
                }
                boolean holdsGuild = (Long.parseLong(Fixtures.GUILD_ID) >> 22) % ids[1] == ids[0];
                String guilds = holdsGuild ? "[{\"id\": \"" + Fixtures.GUILD_ID + "\", \"unavailable\": true}]" : "[]";
                send(
                        connection,
                        "READY",
                        Fixtures.load(
                                "ready.json",
                                Map.of(
                                        "GATEWAY",
                                        url(),
                                        "GUILDS",
                                        guilds,
                                        "SHARD",
                                        "[" + ids[0] + ", " + ids[1] + "]")));
                if (holdsGuild) {
                    send(connection, "GUILD_CREATE", Fixtures.load("guild-create.json", Map.of("OWNER_ID", "1")));
                }
            }
            default -> {}
        }
    }

    /** The {@code [id, total]} the connection identified with; {@code [0, 1]} before (or without) that. */
    private static int[] shardOf(WebSocket connection) {
        int[] shard = connection.getAttachment();
        return shard == null ? new int[] {0, 1} : shard;
    }

    private void send(WebSocket connection, String type, String data) {
        connection.send(
                "{\"op\":0,\"s\":" + sequence.incrementAndGet() + ",\"t\":\"" + type + "\",\"d\":" + data + "}");
    }

    @Override
    public void onClose(WebSocket connection, int code, String reason, boolean remote) {
        closed.incrementAndGet();
    }

    @Override
    public void onError(WebSocket connection, Exception e) {}

    @Override
    public void close() {
        try {
            stop(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
