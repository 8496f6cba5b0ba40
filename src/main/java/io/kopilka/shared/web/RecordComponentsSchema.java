package io.kopilka.shared.web;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.media.Schema;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Reads the nullness of the API's records into their schemas, so that one annotation says it for
 * Java and for the document: a component marked {@link Nullable} may be null (OpenAPI 3.1's
 * {@code "null"} type, or {@code oneOf [$ref, null]} for an object); every other component is
 * required. In an answer every property is sent anyway, null or not ({@link CompleteAnswers}), so
 * there the mark says only which may be null; in a request it also says which may be left out.
 *
 * <p>A component given as {@code @Schema(ref = "Money")} is that schema only, without the Java type's.
 *
 * <p>springdoc does this for Kotlin ({@code KotlinNullablePropertyCustomizer}); for Java records
 * it reads nothing of the kind, and {@code @Schema(nullable = true)} is dropped in 3.1 documents.
 */
@Component
class RecordComponentsSchema implements ModelConverter {

    @Override
    public Schema resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
        if (!chain.hasNext()) {
            return null;
        }
        Schema resolved = chain.next().resolve(type, context, chain);
        Class<?> raw = Json.mapper().constructType(type.getType()).getRawClass();
        if (resolved == null || !raw.isRecord() || !raw.getPackageName().startsWith("io.kopilka")) {
            return resolved;
        }
        Schema model = resolved.get$ref() == null ? resolved : context.getDefinedModels()
                .get(resolved.get$ref().substring(Components.COMPONENTS_SCHEMAS_REF.length()));
        if (model == null || model.getProperties() == null) {
            return resolved;
        }
        Map<String, Schema> properties = model.getProperties();
        Set<String> required = new LinkedHashSet<>(model.getRequired() == null ? List.of() : model.getRequired());
        for (RecordComponent component : raw.getRecordComponents()) {
            Schema property = properties.get(component.getName());
            if (property == null) {
                continue;
            }
            if (property.get$ref() != null) {
                // @Schema(ref = "Money") on a String: the reference says it all, the Java type is not the JSON's.
                property.setType(null);
                property.setTypes(null);
                property.setFormat(null);
            }
            if (component.getAnnotatedType().isAnnotationPresent(Nullable.class)) {
                required.remove(component.getName());
                properties.put(component.getName(), nullable(property));
            } else {
                required.add(component.getName());
            }
        }
        model.setRequired(required.isEmpty() ? null : new ArrayList<>(required));
        return resolved;
    }

    private static Schema nullable(Schema property) {
        boolean typed = property.getType() != null || property.getTypes() != null;
        if (property.get$ref() == null && property.getOneOf() == null) {
            if (!typed) {
                return property; // any JSON value, null included
            }
            Set<String> types = new LinkedHashSet<>(property.getTypes() == null ? Set.of() : property.getTypes());
            if (types.isEmpty() && property.getType() != null) {
                types.add(property.getType());
            }
            types.add("null");
            property.setTypes(types);
            return property;
        }
        // A $ref takes no "null" type of its own: the reference or null, its description kept beside.
        Schema alternatives = new Schema<>();
        alternatives.setDescription(property.getDescription());
        property.setDescription(null);
        alternatives.setOneOf(List.of(property, OpenApiConfiguration.typed("null")));
        return alternatives;
    }
}
