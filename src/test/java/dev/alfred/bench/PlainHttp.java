package dev.alfred.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A load generator's HTTP/1.1 client: blocking calls on the caller's (virtual) thread over a pool of kept-alive
 * connections, and nothing else. The JDK's {@code HttpClient} spent about a sixth of the benchmark JVM's CPU on its
 * selector and futures; on a 2-core machine shared with Alfred that CPU is taken from what is measured.
 */
public final class PlainHttp implements AutoCloseable {

    /** A POST to send: where, its headers and its body. */
    public record Post(URI uri, Map<String, String> headers, String body) {}

    private record Connection(Socket socket, InputStream in, OutputStream out) {}

    private record Response(int status, boolean close) {}

    private final ConcurrentLinkedQueue<Connection> idle = new ConcurrentLinkedQueue<>();

    /** Sends the POST and reads the whole response; returns its status. */
    public int send(Post post) {
        Connection connection = idle.poll();
        try {
            if (connection == null) {
                connection = open(post.uri());
            }
            connection.out().write(head(post));
            connection.out().flush();
            Response response = readResponse(connection.in());
            if (response.close()) {
                close(connection);
            } else {
                idle.add(connection);
            }
            return response.status();
        } catch (IOException e) {
            if (connection != null) {
                close(connection);
            }
            throw new UncheckedIOException(e);
        }
    }

    private static Connection open(URI uri) throws IOException {
        Socket socket = new Socket(uri.getHost(), uri.getPort());
        socket.setTcpNoDelay(true);
        return new Connection(socket, new BufferedInputStream(socket.getInputStream()), socket.getOutputStream());
    }

    private static byte[] head(Post post) {
        byte[] body = post.body().getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder("POST ")
                .append(post.uri().getRawPath())
                .append(" HTTP/1.1\r\nHost: ")
                .append(post.uri().getHost())
                .append(':')
                .append(post.uri().getPort())
                .append("\r\nContent-Length: ")
                .append(body.length)
                .append("\r\n");
        post.headers()
                .forEach((name, value) ->
                        head.append(name).append(": ").append(value).append("\r\n"));
        byte[] start = head.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
        byte[] request = new byte[start.length + body.length];
        System.arraycopy(start, 0, request, 0, start.length);
        System.arraycopy(body, 0, request, start.length, body.length);
        return request;
    }

    /** Reads a status line, headers and a body of Content-Length or chunked encoding. */
    private static Response readResponse(InputStream in) throws IOException {
        String status = line(in);
        long length = 0;
        boolean chunked = false;
        boolean close = false;
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            String lower = header.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(lower.substring(15).strip());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                close = true;
            }
        }
        if (chunked) {
            for (long chunk = Long.parseLong(line(in).strip(), 16);
                    chunk > 0;
                    chunk = Long.parseLong(line(in).strip(), 16)) {
                skip(in, chunk);
                line(in);
            }
            line(in);
        } else {
            skip(in, length);
        }
        return new Response(Integer.parseInt(status.substring(9, 12)), close);
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("connection closed by the server");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    private static void skip(InputStream in, long bytes) throws IOException {
        in.skipNBytes(bytes);
    }

    private static void close(Connection connection) {
        try {
            connection.socket().close();
        } catch (IOException e) {
            // already gone
        }
    }

    @Override
    public void close() {
        for (Connection connection = idle.poll(); connection != null; connection = idle.poll()) {
            close(connection);
        }
    }
}
