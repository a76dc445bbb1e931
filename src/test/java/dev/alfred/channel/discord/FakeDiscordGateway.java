package dev.alfred.channel.discord;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
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
 * Discord's gateway for one shard, JSON without compression: HELLO on connect, READY (and the
 * guild's GUILD_CREATE) after IDENTIFY, ACK for every heartbeat, and the dispatches a test pushes.
 * It records what clients sent and how many connections were opened and closed.
 */
final class FakeDiscordGateway extends WebSocketServer implements AutoCloseable {

    private static final Pattern OP = Pattern.compile("\"op\"\\s*:\\s*(\\d+)");

    private final CountDownLatch started = new CountDownLatch(1);
    private final AtomicInteger sequence = new AtomicInteger();
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger opened = new AtomicInteger();
    private final AtomicInteger closed = new AtomicInteger();

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
                send(connection, "READY", Fixtures.load("ready.json", Map.of("GATEWAY", url())));
                send(connection, "GUILD_CREATE", Fixtures.load("guild-create.json", Map.of("OWNER_ID", "1")));
            }
            default -> {}
        }
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
