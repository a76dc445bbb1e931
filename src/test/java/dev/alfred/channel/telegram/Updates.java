package dev.alfred.channel.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.telegram.telegrambots.meta.api.objects.Update;

/** Recorded Telegram updates (fixtures next to this package's test resources), adjusted per test. */
final class Updates {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Updates() {}

    static ObjectNode fixture(String name) {
        try (InputStream in = Updates.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A private-chat command from {@code user}, e.g. {@code /link CODE}; the command entity covers the first word. */
    static String command(int updateId, long user, String text) {
        ObjectNode update = privateMessage("private-command.json", updateId, user, text);
        ((ObjectNode) update.path("message").path("entities").get(0)).put("length", text.split(" ", 2)[0].length());
        return update.toString();
    }

    /** A private-chat text message from {@code user}. */
    static String text(int updateId, long user, String text) {
        return privateMessage("private-text.json", updateId, user, text).toString();
    }

    /** A press on a button whose callback data is {@code data}, by {@code user} in their private chat. */
    static String button(int updateId, long user, String data) {
        ObjectNode update = fixture("callback-query.json");
        update.put("update_id", updateId);
        ObjectNode query = (ObjectNode) update.path("callback_query");
        query.put("id", "cb-" + updateId);
        query.put("data", data);
        ((ObjectNode) query.path("from")).put("id", user);
        ((ObjectNode) query.path("message").path("chat")).put("id", user);
        return update.toString();
    }

    static Update parse(String json) {
        try {
            return JSON.readValue(json, Update.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Update parse(JsonNode json) {
        return parse(json.toString());
    }

    private static ObjectNode privateMessage(String fixture, int updateId, long user, String text) {
        ObjectNode update = fixture(fixture);
        update.put("update_id", updateId);
        ObjectNode message = (ObjectNode) update.path("message");
        message.put("text", text);
        ((ObjectNode) message.path("from")).put("id", user);
        ((ObjectNode) message.path("chat")).put("id", user);
        return update;
    }
}
