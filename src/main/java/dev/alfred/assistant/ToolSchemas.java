package dev.alfred.assistant;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The JSON schema of a tool's input record, built from its components: their Java types, and the
 * descriptions and required flags of {@link ToolParameter}.
 */
final class ToolSchemas {

    private ToolSchemas() {}

    static Map<String, Object> of(Class<? extends Record> input) {
        Map<String, Object> properties = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        for (RecordComponent component : input.getRecordComponents()) {
            Map<String, Object> property = new LinkedHashMap<>(typeOf(component.getGenericType()));
            ToolParameter parameter = component.getAnnotation(ToolParameter.class);
            if (parameter != null) {
                property.put("description", parameter.value());
                if (parameter.required()) {
                    required.add(component.getName());
                }
            }
            properties.put(component.getName(), property);
        }
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", properties);
        schema.put("required", required);
        schema.put("additionalProperties", false);
        return schema;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> typeOf(Type type) {
        if (type instanceof ParameterizedType generic && generic.getRawType() instanceof Class<?> raw) {
            if (Collection.class.isAssignableFrom(raw)) {
                return type("array", "items", typeOf(generic.getActualTypeArguments()[0]));
            }
            return Map.of("type", "object");
        }
        Class<?> raw = (Class<?>) type;
        if (raw == String.class || raw == UUID.class) {
            return Map.of("type", "string");
        }
        if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class) {
            return Map.of("type", "integer");
        }
        if (Number.class.isAssignableFrom(raw) || raw == double.class || raw == float.class) {
            return Map.of("type", "number");
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return Map.of("type", "boolean");
        }
        if (raw.isEnum()) {
            List<String> values = Arrays.stream(raw.getEnumConstants())
                    .map(value -> value.toString().toLowerCase(Locale.ROOT))
                    .toList();
            return type("string", "enum", values);
        }
        if (raw == LocalDate.class) {
            return type("string", "format", "date");
        }
        if (Temporal.class.isAssignableFrom(raw)) {
            return type("string", "format", "date-time");
        }
        if (raw.isRecord()) {
            return of((Class<? extends Record>) raw);
        }
        return Map.of("type", "object");
    }

    /**
     * {@code {"type": type, key: value}} in that order. {@code Map.of} orders its keys differently on each start, and
     * a schema that reads the same every time keeps a provider's prompt cache warm across restarts and instances.
     */
    private static Map<String, Object> type(String type, String key, Object value) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", type);
        schema.put(key, value);
        return schema;
    }
}
