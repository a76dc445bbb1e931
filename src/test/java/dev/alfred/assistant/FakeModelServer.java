package dev.alfred.assistant;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local stand-in for the OpenAI chat-completions API ({@code POST /v1/chat/completions}, JSON or
 * SSE), the Anthropic messages API ({@code POST /v1/messages}) and Ollama's chat API
 * ({@code POST /api/chat}). Tests script its answers per
 * path (a status, headers and a body, or SSE events) and read the requests it received.
 */
final class FakeModelServer implements AutoCloseable {

    static final String OPENAI = "/v1/chat/completions";
    static final String ANTHROPIC = "/v1/messages";
    static final String OLLAMA = "/api/chat";

    /** One scripted answer; {@code events} non-empty means a {@code text/event-stream} of those data lines. */
    record Answer(int status, Map<String, String> headers, String body, List<String> events, long delayMillis) {

        Answer(int status, Map<String, String> headers, String body, List<String> events) {
            this(status, headers, body, events, 0);
        }

        /** This answer, after {@code millis} of silence (a provider that times out). */
        Answer after(long millis) {
            return new Answer(status, headers, body, events, millis);
        }

        static Answer json(String body) {
            return new Answer(200, Map.of(), body, List.of());
        }

        static Answer status(int status, Map<String, String> headers) {
            return new Answer(
                    status, headers, "{\"error\":{\"message\":\"scripted " + status + "\",\"type\":\"x\"}}", List.of());
        }

        static Answer stream(List<String> events) {
            return new Answer(200, Map.of(), "", events);
        }
    }

    record Request(String path, String body, Map<String, List<String>> headers) {}

    private final HttpServer server;
    private final Map<String, Queue<Answer>> scripts = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    FakeModelServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        // One thread per request: a slow answer must not hold back the retry that follows it.
        server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void script(String path, Answer... answers) {
        scripts.computeIfAbsent(path, p -> new ConcurrentLinkedQueue<>()).addAll(List.of(answers));
    }

    List<Request> requests(String path) {
        return requests.stream().filter(request -> request.path().equals(path)).toList();
    }

    void reset() {
        scripts.clear();
        requests.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requests.add(new Request(path, body, Map.copyOf(exchange.getRequestHeaders())));
        Answer answer =
                scripts.getOrDefault(path, new ConcurrentLinkedQueue<>()).poll();
        if (answer == null) {
            answer = Answer.status(500, Map.of());
        }
        if (answer.delayMillis() > 0) {
            try {
                Thread.sleep(answer.delayMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        if (!answer.events().isEmpty()) {
            exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                for (String event : answer.events()) {
                    String block = event.startsWith("event:") ? event : "data: " + event;
                    out.write((block + "\n\n").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
                if (path.equals(OPENAI)) {
                    out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
                }
            }
            return;
        }
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** An OpenAI completion that calls one tool with JSON-string arguments. */
    static String openAiToolCall(String id, String tool, String argumentsJson, int promptTokens, int completionTokens) {
        return """
                {"id":"chatcmpl-%s","object":"chat.completion","created":1763780000,"model":"gpt-4o-mini-2024-07-18",
                 "choices":[{"index":0,"finish_reason":"tool_calls","logprobs":null,
                   "message":{"role":"assistant","content":null,"refusal":null,
                     "tool_calls":[{"id":"%s","type":"function","function":{"name":"%s","arguments":%s}}]}}],
                 "usage":{"prompt_tokens":%d,"completion_tokens":%d,"total_tokens":%d}}""".formatted(
                id, id, tool, quoted(argumentsJson), promptTokens, completionTokens, promptTokens + completionTokens);
    }

    /** An OpenAI completion with a text answer. */
    static String openAiText(String text, int promptTokens, int completionTokens) {
        return """
                {"id":"chatcmpl-t","object":"chat.completion","created":1763780000,"model":"gpt-4o-mini-2024-07-18",
                 "choices":[{"index":0,"finish_reason":"stop","logprobs":null,
                   "message":{"role":"assistant","content":%s,"refusal":null}}],
                 "usage":{"prompt_tokens":%d,"completion_tokens":%d,"total_tokens":%d}}""".formatted(quoted(text), promptTokens, completionTokens, promptTokens + completionTokens);
    }

    /** SSE chunks of an OpenAI streamed answer, usage in the last chunk (as with stream_options.include_usage). */
    static List<String> openAiStream(List<String> pieces, int promptTokens, int completionTokens) {
        List<String> events = new java.util.ArrayList<>();
        for (String piece : pieces) {
            events.add("""
                    {"id":"chatcmpl-s","object":"chat.completion.chunk","created":1763780000,"model":"gpt-4o-mini-2024-07-18",\
                    "choices":[{"index":0,"delta":{"content":%s},"finish_reason":null}],"usage":null}""".formatted(quoted(piece)));
        }
        events.add("""
                {"id":"chatcmpl-s","object":"chat.completion.chunk","created":1763780000,"model":"gpt-4o-mini-2024-07-18",\
                "choices":[{"index":0,"delta":{},"finish_reason":"stop"}],"usage":null}""");
        events.add("""
                {"id":"chatcmpl-s","object":"chat.completion.chunk","created":1763780000,"model":"gpt-4o-mini-2024-07-18",\
                "choices":[],"usage":{"prompt_tokens":%d,"completion_tokens":%d,"total_tokens":%d}}""".formatted(promptTokens, completionTokens, promptTokens + completionTokens));
        return events;
    }

    /** SSE chunks of an OpenAI streamed tool call whose arguments arrive in pieces, usage in the last chunk. */
    static List<String> openAiStreamedToolCall(
            String id, String tool, List<String> argumentPieces, int promptTokens, int completionTokens) {
        String head = "{\"id\":\"chatcmpl-st\",\"object\":\"chat.completion.chunk\",\"created\":1763780000,"
                + "\"model\":\"gpt-4o-mini-2024-07-18\",";
        List<String> events = new java.util.ArrayList<>();
        events.add(head + """
                "choices":[{"index":0,"delta":{"role":"assistant","content":null,"tool_calls":[{"index":0,\
                "id":"%s","type":"function","function":{"name":"%s","arguments":""}}]},"finish_reason":null}]}""".formatted(id, tool));
        for (String piece : argumentPieces) {
            events.add(head + """
                    "choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":%s}}]},\
                    "finish_reason":null}]}""".formatted(quoted(piece)));
        }
        events.add(head + "\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"tool_calls\"}]}");
        events.add(head + """
                "choices":[],"usage":{"prompt_tokens":%d,"completion_tokens":%d,"total_tokens":%d}}""".formatted(promptTokens, completionTokens, promptTokens + completionTokens));
        return events;
    }

    /** An Anthropic message with a text answer. */
    static String anthropicText(String text, int inputTokens, int outputTokens) {
        return """
                {"id":"msg_1","type":"message","role":"assistant","model":"claude-haiku-4-5-20251001",
                 "content":[{"type":"text","text":%s}],"stop_reason":"end_turn","stop_sequence":null,
                 "usage":{"input_tokens":%d,"output_tokens":%d}}""".formatted(quoted(text), inputTokens, outputTokens);
    }

    /** The server-sent events of an Anthropic streamed text answer, usage in message_start and message_delta. */
    static List<String> anthropicStream(List<String> pieces, int inputTokens, int outputTokens) {
        List<String> events = new java.util.ArrayList<>();
        events.add("""
                event: message_start
                data: {"type":"message_start","message":{"id":"msg_s","type":"message","role":"assistant",\
                "model":"claude-haiku-4-5-20251001","content":[],"stop_reason":null,"stop_sequence":null,\
                "usage":{"input_tokens":%d,"output_tokens":1}}}""".formatted(inputTokens));
        events.add("""
                event: content_block_start
                data: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}""");
        for (String piece : pieces) {
            events.add("""
                    event: content_block_delta
                    data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":%s}}""".formatted(quoted(piece)));
        }
        events.add("""
                event: content_block_stop
                data: {"type":"content_block_stop","index":0}""");
        events.add("""
                event: message_delta
                data: {"type":"message_delta","delta":{"stop_reason":"end_turn","stop_sequence":null},\
                "usage":{"output_tokens":%d}}""".formatted(outputTokens));
        events.add("""
                event: message_stop
                data: {"type":"message_stop"}""");
        return events;
    }

    /** An Ollama chat answer (not streamed) with its token counts. */
    static String ollamaText(String text, int promptTokens, int completionTokens) {
        return """
                {"model":"llama3.2","created_at":"2026-11-22T03:00:00Z","message":{"role":"assistant","content":%s},
                 "done_reason":"stop","done":true,"total_duration":1000,"load_duration":10,
                 "prompt_eval_count":%d,"prompt_eval_duration":100,"eval_count":%d,"eval_duration":100}""".formatted(quoted(text), promptTokens, completionTokens);
    }

    /** The server-sent events of an Anthropic streamed tool call whose input arrives in pieces. */
    static List<String> anthropicStreamedToolUse(
            String id, String tool, List<String> inputPieces, int inputTokens, int outputTokens) {
        List<String> events = new java.util.ArrayList<>();
        events.add("""
                event: message_start
                data: {"type":"message_start","message":{"id":"msg_st","type":"message","role":"assistant",\
                "model":"claude-haiku-4-5-20251001","content":[],"stop_reason":null,"stop_sequence":null,\
                "usage":{"input_tokens":%d,"output_tokens":1}}}""".formatted(inputTokens));
        events.add("""
                event: content_block_start
                data: {"type":"content_block_start","index":0,"content_block":{"type":"tool_use","id":"%s",\
                "name":"%s","input":{}}}""".formatted(id, tool));
        for (String piece : inputPieces) {
            events.add("""
                    event: content_block_delta
                    data: {"type":"content_block_delta","index":0,"delta":{"type":"input_json_delta",\
                    "partial_json":%s}}""".formatted(quoted(piece)));
        }
        events.add("""
                event: content_block_stop
                data: {"type":"content_block_stop","index":0}""");
        events.add("""
                event: message_delta
                data: {"type":"message_delta","delta":{"stop_reason":"tool_use","stop_sequence":null},\
                "usage":{"output_tokens":%d}}""".formatted(outputTokens));
        events.add("""
                event: message_stop
                data: {"type":"message_stop"}""");
        return events;
    }

    /** An Anthropic message that calls one tool. */
    static String anthropicToolUse(String id, String tool, String inputJson, int inputTokens, int outputTokens) {
        return """
                {"id":"msg_t","type":"message","role":"assistant","model":"claude-haiku-4-5-20251001",
                 "content":[{"type":"tool_use","id":"%s","name":"%s","input":%s}],"stop_reason":"tool_use",
                 "stop_sequence":null,"usage":{"input_tokens":%d,"output_tokens":%d}}""".formatted(id, tool, inputJson, inputTokens, outputTokens);
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
