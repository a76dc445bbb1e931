package dev.alfred.admin;

import dev.alfred.problem.Problem;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A JSON object request body read from raw bytes, so that an explicit {@code null} ("clear it") is
 * told apart from a missing field, with typed getters that refuse wrong types and unknown fields.
 */
final class JsonObject {

    private final JsonNode node;

    private JsonObject(JsonNode node) {
        this.node = node;
    }

    static JsonObject read(JsonMapper json, byte[] body, Set<String> allowed) {
        JsonNode node;
        try {
            node = json.readValue(body, JsonNode.class);
        } catch (IOException e) {
            throw Problem.invalid("the body is not JSON: " + e.getMessage());
        }
        if (node == null || !node.isObject()) {
            throw Problem.invalid("send a JSON object");
        }
        Set<String> unknown = new TreeSet<>();
        for (Map.Entry<String, JsonNode> entry : node.entries()) {
            if (!allowed.contains(entry.getKey())) {
                unknown.add(entry.getKey());
            }
        }
        if (!unknown.isEmpty()) {
            throw Problem.invalid("unknown fields " + unknown + "; the fields are " + new TreeSet<>(allowed));
        }
        return new JsonObject(node);
    }

    boolean has(String field) {
        return node.get(field) != null;
    }

    boolean isNull(String field) {
        JsonNode value = node.get(field);
        return value != null && value.isNull();
    }

    @Nullable
    String text(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw Problem.invalid(field + " must be a string");
        }
        return value.getStringValue();
    }

    @Nullable
    UUID id(String field) {
        String value = text(field);
        try {
            return value == null ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw Problem.invalid(field + " must be a user id (UUID), not '" + value + "'");
        }
    }

    @Nullable
    Integer integer(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isNumber() || value.getNumberValue().doubleValue() % 1 != 0) {
            throw Problem.invalid(field + " must be a whole number");
        }
        return value.getIntValue();
    }

    List<String> texts(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw Problem.invalid(field + " must be an array of user ids");
        }
        List<String> texts = new ArrayList<>();
        for (JsonNode each : value.values()) {
            if (!each.isString()) {
                throw Problem.invalid(field + " must be an array of user ids");
            }
            texts.add(each.getStringValue());
        }
        return texts;
    }
}
