package io.kopilka.shared.web;

import java.time.temporal.TemporalAccessor;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;

/**
 * A time or date must be written as text ({@code "2026-11-22T14:05:00+05:00"}). Jackson's java.time
 * readers take a number as seconds since 1970 whatever the coercion settings say, so {@code 1e308}
 * became 1970-01-01; here a number is refused like any other wrong type.
 */
final class TimesAsTextOnly extends ValueDeserializerModifier {

    @Override
    public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription.Supplier bean,
                                                   ValueDeserializer<?> deserializer) {
        return TemporalAccessor.class.isAssignableFrom(bean.getBeanClass()) ? new TextOnly(deserializer) : deserializer;
    }

    private static final class TextOnly extends DelegatingDeserializer {
        TextOnly(ValueDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
            return new TextOnly(delegate);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) {
            if (p.currentToken() != null && p.currentToken().isNumeric()) {
                return ctxt.handleUnexpectedToken(handledType(), p);
            }
            return super.deserialize(p, ctxt);
        }
    }
}
