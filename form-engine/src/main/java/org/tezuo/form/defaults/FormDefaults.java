package org.tezuo.form.defaults;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.tezuo.form.definition.FormDefinition;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds the initial data of a new record. A property marked {@code x-default} takes its value from the context:
 * {@code currentUser} the user name, {@code now} the current time in the tenant zone with its offset (whole
 * seconds), {@code today} the tenant's date. Otherwise a property takes its JSON Schema {@code default}, and a
 * nested object is filled the same way. Properties with neither stay absent.
 */
@Component
public class FormDefaults {

    private final Clock clock;

    public FormDefaults(Clock clock) {
        this.clock = clock;
    }

    /** Returns new, mutable initial data for a record of {@code form}. */
    public ObjectNode initialData(FormDefinition form, InitialDataContext context) {
        return fill(form.dataSchema(), context);
    }

    private ObjectNode fill(JsonNode objectSchema, InitialDataContext context) {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        objectSchema.path("properties").forEachEntry((name, property) -> {
            JsonNode value = initialValue(property, context);
            if (value != null) {
                data.set(name, value);
            }
        });
        return data;
    }

    private @Nullable JsonNode initialValue(JsonNode property, InitialDataContext context) {
        String source = property.path("x-default").stringValue(null);
        if (source != null) {
            return JsonNodeFactory.instance.stringNode(contextValue(source, context));
        }
        if (property.has("default")) {
            return property.get("default").deepCopy();
        }
        if ("object".equals(property.path("type").stringValue(null))) {
            ObjectNode nested = fill(property, context);
            return nested.isEmpty() ? null : nested;
        }
        return null;
    }

    private String contextValue(String source, InitialDataContext context) {
        Clock tenantClock = clock.withZone(context.zone());
        return switch (source) {
            case "currentUser" -> context.currentUser();
            case "now" -> OffsetDateTime.now(tenantClock).truncatedTo(ChronoUnit.SECONDS)
                    .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            case "today" -> LocalDate.now(tenantClock).toString();
            default -> throw new IllegalStateException(
                    "x-default '" + source + "' is outside the form meta-schema; expected currentUser, now or today");
        };
    }
}
