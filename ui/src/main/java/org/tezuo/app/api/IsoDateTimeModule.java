package org.tezuo.app.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Makes the app's JSON mapper read date-times only from ISO-8601 text, such as {@code 2026-12-05T14:00:00+08:00}.
 * Jackson 3.1 reads a JSON number, or text of digits only, given for an {@link Instant}, {@link OffsetDateTime} or
 * {@link ZonedDateTime} as seconds since 1970-01-01 and for a {@link LocalDate} as days since then, and its
 * {@code InstantDeserializer} checks no feature or coercion setting first. So {@code {"until": 12}} would mean 12
 * seconds after 1970. This module rejects a number or digits-only text for those types and {@link LocalDateTime}
 * with an {@code InvalidFormatException} that carries the value, and {@link ApiExceptionHandler} returns 400 naming
 * the field, the value and the expected form. Numbers given for number fields are read as before.
 *
 * <p>Spring Boot adds every {@code JacksonModule} bean to the mapper it builds, so the rule holds for every read of
 * that mapper, JSON the app stored included. The mapper writes date-times as ISO-8601 text, so that JSON reads back.
 */
@Component
class IsoDateTimeModule extends SimpleModule {

    private static final Set<Class<?>> DATE_TIME_TYPES = Set.of(Instant.class, OffsetDateTime.class,
            ZonedDateTime.class, LocalDateTime.class, LocalDate.class);

    /** Text that Jackson would read as a count since 1970 rather than parse as a date-time. */
    private static final Pattern COUNT_SINCE_1970 = Pattern.compile("\\s*[+-]?\\d+(\\.\\d+)?\\s*");

    IsoDateTimeModule() {
        super("tezuo-iso-date-time");
        setDeserializerModifier(new ValueDeserializerModifier() {
            @Override
            public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config,
                    BeanDescription.Supplier description, ValueDeserializer<?> deserializer) {
                return DATE_TIME_TYPES.contains(deserializer.handledType()) ? new TextOnly(deserializer)
                        : deserializer;
            }
        });
    }

    /** Rejects a number, or text of digits only, before the standard deserializer reads it as a count. */
    private static final class TextOnly extends DelegatingDeserializer {

        TextOnly(ValueDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> newDelegatee) {
            return new TextOnly(newDelegatee);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) {
            Class<?> type = getDelegatee().handledType();
            JsonToken token = parser.currentToken();
            if (token != null && token.isNumeric()) {
                // A decimal as BigDecimal keeps the digits as written, where a double would show 1.7649E9.
                Number value = token == JsonToken.VALUE_NUMBER_FLOAT ? parser.getDecimalValue()
                        : parser.getNumberValue();
                throw context.weirdNumberException(value, type,
                        "a date-time must be ISO-8601 text with an offset, not a number");
            }
            if (token == JsonToken.VALUE_STRING && COUNT_SINCE_1970.matcher(parser.getString()).matches()) {
                throw context.weirdStringException(parser.getString(), type,
                        "a date-time must be ISO-8601 text with an offset, not a count since 1970");
            }
            return super.deserialize(parser, context);
        }
    }
}
