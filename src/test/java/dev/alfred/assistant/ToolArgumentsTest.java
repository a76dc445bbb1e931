package dev.alfred.assistant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alfred.problem.Problem;
import io.micronaut.json.JsonMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A model's arguments bind to a tool's input record, or are refused with a message it can act on. */
class ToolArgumentsTest {

    record Input(
            @ToolParameter(value = "the title", required = true)
            String title,

            TestTools.Priority priority,
            Integer count,
            List<String> people) {}

    private final ToolArguments arguments = new ToolArguments(JsonMapper.createDefault());

    @Test
    void bindsEveryKindOfComponent() {
        Input input = arguments.bind(
                Input.class,
                "{\"title\":\"Call Acme\",\"priority\":\"High\",\"count\":\"3\",\"people\":[\"bob\",\"ann\"]}");
        assertThat(input).isEqualTo(new Input("Call Acme", TestTools.Priority.HIGH, 3, List.of("bob", "ann")));
    }

    @Test
    void leftOutOptionalArgumentsAreNull() {
        assertThat(arguments.bind(Input.class, "{\"title\":\"x\"}")).isEqualTo(new Input("x", null, null, null));
    }

    @Test
    void refusesWhatDoesNotFit() {
        Map<String, String> cases = Map.of(
                "{}", "title is required",
                "{\"title\":\"x\",\"due\":\"today\"}", "unknown argument due",
                "{\"title\":\"x\",\"priority\":\"asap\"}", "priority must be one of low, high",
                "{\"title\":\"x\",\"count\":\"many\"}", "count has an invalid value: many",
                "{\"title\":\"x\",\"people\":\"bob\"}", "people must be a list",
                "not json", "the arguments are not valid JSON",
                "[1]", "the arguments must be a JSON object");
        cases.forEach((json, message) -> assertThatThrownBy(() -> arguments.bind(Input.class, json))
                .as(json)
                .isInstanceOfSatisfying(Problem.class, problem -> {
                    assertThat(problem.kind()).isEqualTo(Problem.Kind.INVALID);
                    assertThat(problem.detail()).startsWith(message);
                }));
    }

    @Test
    void theSchemaDescribesTheSameRecord() {
        Map<String, Object> schema = ToolSchemas.of(Input.class);
        assertThat(schema).containsEntry("type", "object").containsEntry("required", List.of("title"));
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> properties = (Map<String, Map<String, Object>>) schema.get("properties");
        assertThat(properties.get("title")).containsEntry("type", "string").containsEntry("description", "the title");
        assertThat(properties.get("priority")).containsEntry("enum", List.of("low", "high"));
        assertThat(properties.get("count")).containsEntry("type", "integer");
        assertThat(properties.get("people")).containsEntry("type", "array");
    }

    @Test
    void theSchemaReadsTheSameOnEveryStart() throws Exception {
        // Map.of orders keys differently on each start of the JVM, so this fails now and then if one slips back in.
        assertThat(JsonMapper.createDefault().writeValueAsString(ToolSchemas.of(Input.class)))
                .isEqualTo("{\"type\":\"object\",\"properties\":{"
                        + "\"title\":{\"type\":\"string\",\"description\":\"the title\"},"
                        + "\"priority\":{\"type\":\"string\",\"enum\":[\"low\",\"high\"]},"
                        + "\"count\":{\"type\":\"integer\"},"
                        + "\"people\":{\"type\":\"array\",\"items\":{\"type\":\"string\"}}},"
                        + "\"required\":[\"title\"],\"additionalProperties\":false}");
    }
}
