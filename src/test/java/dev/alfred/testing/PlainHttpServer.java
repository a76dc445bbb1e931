package dev.alfred.testing;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The HTTP/1.1 server of the fake platforms: a virtual thread per kept-alive connection reads its
 * requests one after the other and answers each with {@link Handler}'s response. With the JDK's
 * {@code HttpServer}, which hands every connection between its selector and a handler thread for
 * each request, a reply cost 205–233 µs of CPU against 97–101 µs with this one (20,000 posts from
 * 8 threads, the client's share included); a benchmark on a 2-core machine shared with Alfred
 * counts that as Alfred's.
 */
public final class PlainHttpServer implements AutoCloseable {

    /** A request: its method, path with query, headers (names in lower case) and body. */
    public record Request(String method, URI uri, Map<String, String> headers, byte[] body) {

        /** The header's value, or {@code null}. */
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public String path() {
            return uri.getPath();
        }
    }

    /** A response: its status, headers and body. */
    public record Response(int status, Map<String, String> headers, byte[] body) {}

    /** Answers one request; runs on the connection's virtual thread, so it may block. */
    @FunctionalInterface
    public interface Handler {
        Response handle(Request request) throws IOException, InterruptedException;
    }

    private final ServerSocket server;
    private final Handler handler;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();

    public PlainHttpServer(Handler handler) throws IOException {
        this.server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        this.handler = handler;
        Thread.ofVirtual().name("fake-http-accept").start(this::accept);
    }

    /** {@code http://127.0.0.1:<port>}. */
    public URI base() {
        return URI.create("http://" + server.getInetAddress().getHostAddress() + ":" + server.getLocalPort());
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                socket.setTcpNoDelay(true);
                open.add(socket);
                Thread.ofVirtual().start(() -> serve(socket));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = new BufferedOutputStream(socket.getOutputStream());
            Request request;
            while ((request = read(in)) != null) {
                Response response = handler.handle(request);
                write(out, response);
                if ("close".equalsIgnoreCase(request.header("Connection"))) {
                    return;
                }
            }
        } catch (IOException e) {
            // the client went away
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            open.remove(socket);
        }
    }

    /** The next request of the connection, or {@code null} once the client closed it. */
    private static Request read(InputStream in) throws IOException {
        String start = line(in);
        if (start == null) {
            return null;
        }
        String[] parts = start.split(" ");
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line = line(in); line != null && !line.isEmpty(); line = line(in)) {
            int colon = line.indexOf(':');
            headers.merge(
                    line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                    line.substring(colon + 1).trim(),
                    (a, b) -> a + ", " + b);
        }
        byte[] body;
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = chunked(in);
        } else {
            String length = headers.get("content-length");
            body = in.readNBytes(length == null ? 0 : Integer.parseInt(length));
        }
        return new Request(parts[0], URI.create(parts[1]), headers, body);
    }

    private static byte[] chunked(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int size = chunkSize(in); size > 0; size = chunkSize(in)) {
            body.write(in.readNBytes(size));
            line(in);
        }
        String trailer;
        do {
            trailer = line(in); // trailers are dropped: no client of the fakes sends any
        } while (trailer != null && !trailer.isEmpty());
        return body.toByteArray();
    }

    private static int chunkSize(InputStream in) throws IOException {
        String line = line(in);
        int extension = line.indexOf(';');
        return Integer.parseInt((extension < 0 ? line : line.substring(0, extension)).trim(), 16);
    }

    /** A line without its CRLF, or {@code null} at the end of the stream. */
    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                return line.isEmpty() ? null : line.toString();
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    private static void write(OutputStream out, Response response) throws IOException {
        StringBuilder head = new StringBuilder("HTTP/1.1 ")
                .append(response.status())
                .append(' ')
                .append(reason(response.status()))
                .append("\r\nContent-Length: ")
                .append(response.body().length)
                .append("\r\n");
        response.headers()
                .forEach((name, value) ->
                        head.append(name).append(": ").append(value).append("\r\n"));
        out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(response.body());
        out.flush();
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 404 -> "Not Found";
            case 429 -> "Too Many Requests";
            default -> status >= 500 ? "Server Error" : "Status";
        };
    }

    /** Stops accepting and closes every open connection. */
    @Override
    public void close() {
        try {
            server.close();
            for (Socket socket : List.copyOf(open)) {
                socket.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
