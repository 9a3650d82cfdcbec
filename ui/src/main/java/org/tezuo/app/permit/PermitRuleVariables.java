package org.tezuo.app.permit;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.tezuo.form.definition.FieldType;
import org.tezuo.form.definition.FormDefinition;
import org.tezuo.form.definition.FormField;
import tools.jackson.databind.JsonNode;

/**
 * Builds the permit variables of a risk ruleset from the form data. Each variable the ruleset declares is read
 * through the form binding of the same name. A ruleset for work at height that declares
 * {@code workingHeightMetres}, for example, gets the value at the path the form binds to that role. The
 * evaluator sets its own variables (weather, gasSamples, gas, now).
 *
 * <p>Values become the types rule expressions compare: numbers {@link java.math.BigDecimal}, date-time fields
 * {@link OffsetDateTime} in the tenant's zone, groups maps and tables lists. A boolean field left empty reads as
 * false, and any other missing value or unbound variable reads as null.
 */
public final class PermitRuleVariables {

    private static final Set<String> EVALUATOR_VARIABLES = Set.of("weather", "gasSamples", "gas", "now");

    private PermitRuleVariables() {
    }

    /** Returns the value of each variable in {@code declared}, except those the evaluator sets itself. */
    public static Map<String, @Nullable Object> of(Set<String> declared, FormDefinition form, JsonNode data, ZoneId zone) {
        Map<String, @Nullable Object> variables = new HashMap<>();
        for (String variable : declared) {
            if (!EVALUATOR_VARIABLES.contains(variable)) {
                variables.put(variable, read(variable, form, data, zone));
            }
        }
        return variables;
    }

    private static @Nullable Object read(String role, FormDefinition form, JsonNode data, ZoneId zone) {
        Optional<String> path = form.binding(role);
        if (path.isEmpty()) {
            return null;
        }
        FormField field = form.fieldAt(path.get()).orElse(null);
        JsonNode value = FormDefinition.valueAt(data, path.get());
        if (value.isMissingNode() || value.isNull()) {
            return field != null && field.type() == FieldType.BOOLEAN ? Boolean.FALSE : null;
        }
        return convert(field, value, zone);
    }

    private static @Nullable Object convert(@Nullable FormField field, JsonNode value, ZoneId zone) {
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        if (value.isNumber()) {
            return value.decimalValue();
        }
        if (value.isString()) {
            return text(field, value.asString(), zone);
        }
        if (value.isArray()) {
            List<@Nullable Object> rows = new ArrayList<>();
            value.forEach(row -> rows.add(convert(row.isObject() ? field : null, row, zone)));
            return rows;
        }
        if (value.isObject()) {
            Map<String, @Nullable Object> properties = new LinkedHashMap<>();
            value.forEachEntry((name, child) -> properties.put(name,
                    convert(field == null ? null : field.child(name).orElse(null), child, zone)));
            return properties;
        }
        return null;
    }

    private static Object text(@Nullable FormField field, String text, ZoneId zone) {
        if (field == null || !"date-time".equals(field.format())) {
            return text;
        }
        try {
            return OffsetDateTime.parse(text).atZoneSameInstant(zone).toOffsetDateTime();
        } catch (DateTimeParseException e) {
            // Submission validates the form before the risk assessment, so unparsable text is not expected here.
            return text;
        }
    }
}
