package dev.alfred.channel.slack;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * Slack's Socket Mode end: a WebSocket server that greets every connection with {@code hello}, sends
 * the envelopes a test gives it and records what the client sends back (envelope acks).
 */
final class FakeSocketMode extends WebSocketServer implements AutoCloseable {

    private final List<WebSocket> open = new CopyOnWriteArrayList<>();
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger opened = new AtomicInteger();
    private final AtomicInteger closed = new AtomicInteger();

    FakeSocketMode() {
        super(new InetSocketAddress("127.0.0.1", 0));
        setReuseAddr(true);
    }

    /** The URL {@code apps.connections.open} hands out. */
    String url() {
        return "ws://127.0.0.1:" + getPort() + "/link/?ticket=fake-ticket";
    }

    /** Sends an envelope to every open connection. */
    void deliver(String envelope) {
        open.forEach(socket -> socket.send(envelope));
    }

    /** Closes every connection from the server side, as Slack does when it refreshes a connection. */
    void dropConnections() {
        open.forEach(socket -> socket.close(1001, "going away"));
    }

    List<String> received() {
        return List.copyOf(received);
    }

    int connections() {
        return open.size();
    }

    int opened() {
        return opened.get();
    }

    int closed() {
        return closed.get();
    }

    @Override
    public void onOpen(WebSocket socket, ClientHandshake handshake) {
        open.add(socket);
        opened.incrementAndGet();
        socket.send(SignedRequests.fixture("socket_hello.json", java.util.Map.of()));
    }

    @Override
    public void onClose(WebSocket socket, int code, String reason, boolean remote) {
        open.remove(socket);
        closed.incrementAndGet();
    }

    @Override
    public void onMessage(WebSocket socket, String message) {
        received.add(message);
    }

    @Override
    public void onError(WebSocket socket, Exception e) {
        // a test sees failures through what was (not) received
    }

    @Override
    public void onStart() {}

    @Override
    public void close() throws InterruptedException {
        stop(1000);
    }
}
