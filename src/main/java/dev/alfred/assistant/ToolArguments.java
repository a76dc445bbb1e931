package dev.alfred.assistant;

import dev.alfred.problem.Problem;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Turns the JSON arguments a model sent into a tool's input record, or refuses them with a message
 * the model (and the person) can act on: unknown or missing arguments, wrong types, values outside
 * an enum.
 */
final class ToolArguments {

    private final JsonMapper json;

    ToolArguments(JsonMapper json) {
        this.json = json;
    }

    <I extends Record> I bind(Class<I> type, String arguments) {
        JsonNode tree;
        try {
            tree = json.readValue(arguments.isBlank() ? "{}" : arguments, JsonNode.class);
        } catch (IOException e) {
            throw Problem.invalid("the arguments are not valid JSON");
        }
        if (!tree.isObject()) {
            throw Problem.invalid("the arguments must be a JSON object");
        }
        RecordComponent[] components = type.getRecordComponents();
        Set<String> known = new HashSet<>();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent component = components[i];
            known.add(component.getName());
            JsonNode node = tree.get(component.getName());
            ToolParameter parameter = component.getAnnotation(ToolParameter.class);
            if (node == null || node.isNull()) {
                if (parameter != null && parameter.required()) {
                    throw Problem.invalid(component.getName() + " is required");
                }
                values[i] = component.getType().isPrimitive() ? primitiveDefault(component.getType()) : null;
            } else {
                values[i] = value(component.getName(), component.getGenericType(), node);
            }
        }
        for (var entry : tree.entries()) {
            if (!known.contains(entry.getKey())) {
                throw Problem.invalid("unknown argument " + entry.getKey() + "; expected " + known);
            }
        }
        try {
            Constructor<I> constructor = type.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            constructor.setAccessible(true);
            return constructor.newInstance(values);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof Problem problem) {
                throw problem;
            }
            throw Problem.invalid(String.valueOf(e.getCause().getMessage()));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + type.getSimpleName(), e);
        }
    }

    private @Nullable Object value(String name, Type type, JsonNode node) {
        if (type instanceof ParameterizedType generic && generic.getRawType() == List.class) {
            if (!node.isArray()) {
                throw Problem.invalid(name + " must be a list");
            }
            List<Object> items = new ArrayList<>();
            for (JsonNode item : node.values()) {
                items.add(value(name, generic.getActualTypeArguments()[0], item));
            }
            return List.copyOf(items);
        }
        Class<?> raw = (Class<?>) type;
        try {
            if (raw == String.class) {
                return node.isString() ? node.getStringValue() : node.coerceStringValue();
            }
            if (raw == int.class || raw == Integer.class) {
                return node.isNumber()
                        ? node.getIntValue()
                        : Integer.parseInt(node.coerceStringValue().trim());
            }
            if (raw == long.class || raw == Long.class) {
                return node.isNumber()
                        ? node.getLongValue()
                        : Long.parseLong(node.coerceStringValue().trim());
            }
            if (raw == double.class || raw == Double.class) {
                return node.isNumber() ? node.getDoubleValue() : Double.parseDouble(node.coerceStringValue());
            }
            if (raw == boolean.class || raw == Boolean.class) {
                return node.isBoolean() ? node.getBooleanValue() : Boolean.parseBoolean(node.coerceStringValue());
            }
            if (raw == UUID.class) {
                return UUID.fromString(node.coerceStringValue());
            }
            if (raw == LocalDate.class) {
                return LocalDate.parse(node.coerceStringValue());
            }
            if (raw.isEnum()) {
                return enumValue(name, raw, node.coerceStringValue());
            }
        } catch (RuntimeException e) {
            if (e instanceof Problem problem) {
                throw problem;
            }
            throw Problem.invalid(name + " has an invalid value: " + node.coerceStringValue());
        }
        throw new IllegalStateException("tool input type not supported: " + raw.getName() + " " + name);
    }

    private static Object enumValue(String name, Class<?> type, String text) {
        for (Object constant : type.getEnumConstants()) {
            if (constant.toString().equalsIgnoreCase(text.trim())) {
                return constant;
            }
        }
        List<String> allowed = Arrays.stream(type.getEnumConstants())
                .map(constant -> constant.toString().toLowerCase(Locale.ROOT))
                .toList();
        throw Problem.invalid(name + " must be one of " + String.join(", ", allowed));
    }

    private static Object primitiveDefault(Class<?> type) {
        if (type == boolean.class) {
            return false;
        }
        if (type == long.class) {
            return 0L;
        }
        if (type == double.class) {
            return 0.0;
        }
        return 0;
    }
}
