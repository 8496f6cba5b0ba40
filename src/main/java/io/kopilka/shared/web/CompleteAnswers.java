package io.kopilka.shared.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * Every property of an answer is required: the JSON writer sends each field, null or not
 * ({@code spring.jackson.default-property-inclusion=always}), so a client may count on its being
 * there; {@link RecordComponentsSchema} says which may be null. A schema that is also part of a
 * request (a program, a rule, a ladder: sent and answered in one shape) keeps what the request
 * needs, since there a field may be left out.
 */
@Component
class CompleteAnswers implements OpenApiCustomizer {

    @Override
    public void customise(OpenAPI openApi) {
        Map<String, Schema> schemas = openApi.getComponents().getSchemas();
        List<Operation> operations = openApi.getPaths().values().stream()
                .flatMap(item -> item.readOperations().stream()).toList();
        Set<String> answered = reachable(schemas, operations.stream()
                .flatMap(o -> o.getResponses().entrySet().stream())
                .filter(r -> r.getKey().startsWith("2"))
                .flatMap(r -> schemasOf(r.getValue().getContent())));
        Set<String> sent = reachable(schemas, operations.stream()
                .filter(o -> o.getRequestBody() != null)
                .flatMap(o -> schemasOf(o.getRequestBody().getContent())));
        answered.removeAll(sent);
        for (String name : answered) {
            Schema schema = schemas.get(name);
            if (schema != null && schema.getProperties() != null) {
                schema.setRequired(new ArrayList<>(schema.getProperties().keySet()));
            }
        }
    }

    private static Stream<Schema> schemasOf(Content content) {
        return content == null ? Stream.empty() : content.values().stream()
                .map(m -> m.getSchema()).filter(s -> s != null);
    }

    /** The names of the component schemas these schemas refer to, directly or through others. */
    private static Set<String> reachable(Map<String, Schema> components, Stream<Schema> roots) {
        Set<String> names = new HashSet<>();
        List<Schema> todo = new ArrayList<>(roots.toList());
        while (!todo.isEmpty()) {
            Schema s = todo.removeLast();
            if (s.get$ref() != null) {
                String name = s.get$ref().substring(s.get$ref().lastIndexOf('/') + 1);
                if (names.add(name) && components.get(name) != null) {
                    todo.add(components.get(name));
                }
                continue;
            }
            Function<List<Schema>, List<Schema>> orEmpty = l -> l == null ? List.of() : l;
            if (s.getProperties() != null) {
                todo.addAll(s.getProperties().values());
            }
            if (s.getItems() != null) {
                todo.add(s.getItems());
            }
            if (s.getAdditionalProperties() instanceof Schema extra) {
                todo.add(extra);
            }
            todo.addAll(orEmpty.apply(s.getOneOf()));
            todo.addAll(orEmpty.apply(s.getAnyOf()));
            todo.addAll(orEmpty.apply(s.getAllOf()));
        }
        return names;
    }
}
