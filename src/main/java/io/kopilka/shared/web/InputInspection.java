package io.kopilka.shared.web;

import io.kopilka.shared.InputBounds;
import io.kopilka.shared.error.ApiProblem;
import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Walks a request as Jackson read it (records, maps, lists, JSON trees) and refuses the first text
 * or number that {@link InputBounds} does not allow, naming its field as the caller wrote it
 * ({@code items[0].quantity}, {@code attributes.kids[1]}). Doing it once here, after parsing and
 * before any controller, covers every field of every endpoint, also the ones added later.
 */
final class InputInspection {
    /** Deeper than any request of this API; a body nested past it is refused rather than walked. */
    private static final int MAX_DEPTH = 64;
    private static final ClassValue<RecordComponent[]> COMPONENTS = new ClassValue<>() {
        @Override
        protected RecordComponent[] computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            for (RecordComponent c : components) {
                c.getAccessor().setAccessible(true);
            }
            return components;
        }
    };

    private InputInspection() {
    }

    /** Throws a 422 naming the first field that may not be taken. */
    static void check(Object body) {
        inspect(body, "", 0).ifPresent(p -> {
            throw ApiProblem.invalid(p.field(), p.message());
        });
    }

    private record Problem(String field, String message) {
    }

    private static Optional<Problem> inspect(Object value, String path, int depth) {
        if (value == null || value instanceof Boolean || value instanceof Enum<?> || value instanceof Integer
                || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return Optional.empty();
        }
        if (depth > MAX_DEPTH) {
            return problem(path, "is nested too deeply");
        }
        return switch (value) {
            case String s -> problem(path, InputBounds.textProblem(s));
            case BigDecimal d -> problem(path, InputBounds.decimalProblem(d));
            case BigInteger i -> problem(path, InputBounds.integerProblem(i));
            case Double d -> problem(path, InputBounds.doubleProblem(d));
            case Float f -> problem(path, InputBounds.doubleProblem(f));
            case JsonNode node -> node(node, path, depth);
            case Map<?, ?> map -> map(map, path, depth);
            case Collection<?> list -> list(list, path, depth);
            case Optional<?> o -> o.isPresent() ? inspect(o.get(), path, depth + 1) : Optional.empty();
            case Record r -> record(r, path, depth);
            default -> value.getClass().isArray() ? array(value, path, depth) : Optional.empty();
        };
    }

    private static Optional<Problem> record(Record r, String path, int depth) {
        for (RecordComponent c : COMPONENTS.get(r.getClass())) {
            Optional<Problem> p = inspect(read(c.getAccessor(), r), field(path, c.getName()), depth + 1);
            if (p.isPresent()) {
                return p;
            }
        }
        return Optional.empty();
    }

    private static Optional<Problem> map(Map<?, ?> map, String path, int depth) {
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String key = String.valueOf(e.getKey());
            String keyProblem = InputBounds.textProblem(key);
            if (keyProblem != null) {
                return problem(path.isEmpty() ? "body" : path, "has a key that " + keyProblem);
            }
            Optional<Problem> p = inspect(e.getValue(), field(path, key), depth + 1);
            if (p.isPresent()) {
                return p;
            }
        }
        return Optional.empty();
    }

    private static Optional<Problem> list(Collection<?> list, String path, int depth) {
        int i = 0;
        for (Object item : list) {
            Optional<Problem> p = inspect(item, path + "[" + i++ + "]", depth + 1);
            if (p.isPresent()) {
                return p;
            }
        }
        return Optional.empty();
    }

    private static Optional<Problem> array(Object array, String path, int depth) {
        if (array.getClass().getComponentType().isPrimitive()) {
            return Optional.empty();
        }
        for (int i = 0; i < Array.getLength(array); i++) {
            Optional<Problem> p = inspect(Array.get(array, i), path + "[" + i + "]", depth + 1);
            if (p.isPresent()) {
                return p;
            }
        }
        return Optional.empty();
    }

    private static Optional<Problem> node(JsonNode node, String path, int depth) {
        if (node.isString()) {
            return problem(path, InputBounds.textProblem(node.asString()));
        }
        if (node.isBigDecimal() || node.isDouble() || node.isFloat()) {
            return node.isBigDecimal() ? problem(path, InputBounds.decimalProblem(node.decimalValue()))
                    : problem(path, InputBounds.doubleProblem(node.doubleValue()));
        }
        if (node.isBigInteger()) {
            return problem(path, InputBounds.integerProblem(node.bigIntegerValue()));
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                String keyProblem = InputBounds.textProblem(e.getKey());
                if (keyProblem != null) {
                    return problem(path.isEmpty() ? "body" : path, "has a key that " + keyProblem);
                }
                Optional<Problem> p = node(e.getValue(), field(path, e.getKey()), depth + 1);
                if (p.isPresent()) {
                    return p;
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                Optional<Problem> p = node(node.get(i), path + "[" + i + "]", depth + 1);
                if (p.isPresent()) {
                    return p;
                }
            }
        }
        return Optional.empty();
    }

    private static Object read(Method accessor, Record r) {
        try {
            return accessor.invoke(r);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + accessor, e);
        }
    }

    private static String field(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private static Optional<Problem> problem(String path, String message) {
        return message == null ? Optional.empty() : Optional.of(new Problem(path.isEmpty() ? "body" : path, message));
    }
}
