package org.tezuo.core.qualification.roster;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.tezuo.core.i18n.UserMessages;
import org.tezuo.core.qualification.CertificateClass;
import tools.jackson.databind.JsonNode;

/**
 * The reading rules for ledgers of one entity: the header synonyms, required flags and accepted values of each field,
 * parsed once from an entity document (kind {@code entity}) that already passed its meta-schema.
 *
 * @param entityName the document's {@code name}
 * @param columns the fields the document declares; fields it leaves out are never read from a file
 */
public record LedgerProfile(String entityName, Map<LedgerField, LedgerColumn> columns) {

    /** The certificate store's unique key; {@code importProfile.naturalKey} must name exactly these fields. */
    private static final Set<LedgerField> NATURAL_KEY = Set.of(LedgerField.ID_NUMBER, LedgerField.CERT_NUMBER);

    public LedgerProfile {
        columns = Collections.unmodifiableMap(new EnumMap<>(columns));
    }

    /**
     * Parses an entity document body into a profile.
     *
     * @throws InvalidLedgerProfileException when a field the store needs is missing or not required, a type does
     *     not fit, a value synonym points to a value the field does not accept, or two fields share a header
     */
    public static LedgerProfile from(JsonNode entityBody) {
        String entityName = entityBody.path("name").asString("");
        JsonNode valueSynonyms = entityBody.path("importProfile").path("valueSynonyms");
        Map<LedgerField, LedgerColumn> columns = new EnumMap<>(LedgerField.class);
        for (JsonNode fieldNode : entityBody.path("fields").values()) {
            LedgerColumn column = column(fieldNode, valueSynonyms);
            columns.put(column.field(), column);
        }

        checkStoreFields(columns);
        checkCertificateClasses(columns);
        checkValueSynonymTargets(valueSynonyms, columns);
        checkNaturalKey(entityBody.path("importProfile").path("naturalKey"));
        checkHeaderCollisions(columns.values());
        return new LedgerProfile(entityName, columns);
    }

    /** Returns the column of a field the profile declares. */
    public Optional<LedgerColumn> column(LedgerField field) {
        return Optional.ofNullable(columns.get(field));
    }

    LedgerColumn require(LedgerField field) {
        return column(field).orElseThrow(() -> new IllegalStateException("profile lacks " + field.fieldName()));
    }

    /** Returns the field whose header synonyms contain the given header cell text, ignoring decorations. */
    Optional<LedgerField> fieldForHeader(String headerText) {
        String key = LedgerText.headerKey(headerText);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        return columns.values().stream().filter(column -> column.matchesHeader(key)).map(LedgerColumn::field)
                .findFirst();
    }

    private static LedgerColumn column(JsonNode fieldNode, JsonNode valueSynonyms) {
        String name = fieldNode.path("name").asString("");
        LedgerField field = LedgerField.byFieldName(name).orElseThrow(() -> new InvalidLedgerProfileException(
                "profile.unknownField", name, Arrays.stream(LedgerField.values()).map(LedgerField::fieldName)
                        .collect(Collectors.joining(", "))));
        String type = fieldNode.path("type").asString("");
        if (!type.equals(field.expectedType())) {
            throw new InvalidLedgerProfileException("profile.wrongType", name, type, field.expectedType());
        }

        String labelZh = fieldNode.path("label").path("zh").asString(name);
        @Nullable String labelEn = fieldNode.path("label").path("en").asStringOpt().orElse(null);
        List<String> synonyms = new ArrayList<>();
        synonyms.add(labelZh);
        fieldNode.path("synonyms").values().forEach(synonym -> synonyms.add(synonym.asString()));

        Map<String, List<String>> valuesByParent = new LinkedHashMap<>();
        fieldNode.path("valuesByParent").properties().forEach(group -> valuesByParent.put(group.getKey(),
                group.getValue().values().stream().map(JsonNode::asString).toList()));
        List<String> values = new ArrayList<>();
        fieldNode.path("values").values().forEach(value -> values.add(value.asString()));
        valuesByParent.values().forEach(values::addAll);
        if (field.kind() == LedgerField.ValueKind.ENUM && values.isEmpty()) {
            throw new InvalidLedgerProfileException("profile.noValues", name);
        }
        String parentField = fieldNode.path("parentField").asString("");
        if (field == LedgerField.ITEM && !LedgerField.CATEGORY.fieldName().equals(parentField)) {
            throw new InvalidLedgerProfileException("profile.itemParent", name);
        }
        if (field == LedgerField.CATEGORY && !parentField.isEmpty()
                && !LedgerField.CERTIFICATE_CLASS.fieldName().equals(parentField)) {
            throw new InvalidLedgerProfileException("profile.categoryParent", name,
                    LedgerField.CERTIFICATE_CLASS.fieldName());
        }

        Map<String, String> synonymsOfValues = new HashMap<>();
        valueSynonyms.path(name).properties().forEach(entry -> synonymsOfValues.put(LedgerText.valueKey(entry.getKey()),
                entry.getValue().asString()));
        return new LedgerColumn(field, labelZh, labelEn, fieldNode.path("required").asBoolean(false), synonyms,
                values, synonymsOfValues, valuesByParent);
    }

    private static void checkStoreFields(Map<LedgerField, LedgerColumn> columns) {
        for (LedgerField field : LedgerField.values()) {
            if (!field.storeRequired()) {
                continue;
            }
            LedgerColumn column = columns.get(field);
            if (column == null) {
                throw new InvalidLedgerProfileException("profile.missingField", field.fieldName());
            }
            if (!column.required()) {
                throw new InvalidLedgerProfileException("profile.notRequired", field.fieldName());
            }
        }
        LedgerColumn item = columns.get(LedgerField.ITEM);
        List<String> categories = columns.get(LedgerField.CATEGORY).values();
        if (item.valuesByParent().isEmpty() || !categories.containsAll(item.valuesByParent().keySet())) {
            throw new InvalidLedgerProfileException("profile.itemParent", LedgerField.ITEM.fieldName());
        }
    }

    /**
     * Checks that every 证书类别 value names a {@link CertificateClass} and that a category grouped by class uses only
     * those values, so each accepted category belongs to exactly one class.
     */
    private static void checkCertificateClasses(Map<LedgerField, LedgerColumn> columns) {
        LedgerColumn classes = columns.get(LedgerField.CERTIFICATE_CLASS);
        String accepted = Arrays.stream(CertificateClass.values())
                .map(value -> value.label(UserMessages.DEFAULT_LOCALE)).collect(Collectors.joining("、"));
        if (classes != null) {
            for (String value : classes.values()) {
                if (CertificateClass.fromNameOrCode(value).isEmpty()) {
                    throw new InvalidLedgerProfileException("profile.classValue", value, accepted);
                }
            }
        }
        LedgerColumn categories = columns.get(LedgerField.CATEGORY);
        if (categories.valuesByParent().isEmpty()) {
            return;
        }
        if (classes == null || !classes.values().containsAll(categories.valuesByParent().keySet())) {
            throw new InvalidLedgerProfileException("profile.categoryParent", LedgerField.CATEGORY.fieldName(),
                    LedgerField.CERTIFICATE_CLASS.fieldName());
        }
    }

    private static void checkValueSynonymTargets(JsonNode valueSynonyms, Map<LedgerField, LedgerColumn> columns) {
        for (Map.Entry<String, JsonNode> fieldSynonyms : valueSynonyms.properties()) {
            LedgerColumn column = LedgerField.byFieldName(fieldSynonyms.getKey()).map(columns::get)
                    .filter(candidate -> candidate.field().kind() == LedgerField.ValueKind.ENUM)
                    .orElseThrow(() -> new InvalidLedgerProfileException("profile.synonymField", fieldSynonyms.getKey()));
            for (Map.Entry<String, JsonNode> synonym : fieldSynonyms.getValue().properties()) {
                if (!column.values().contains(synonym.getValue().asString())) {
                    throw new InvalidLedgerProfileException("profile.synonymTarget", fieldSynonyms.getKey(),
                            synonym.getKey(), synonym.getValue().asString());
                }
            }
        }
    }

    private static void checkNaturalKey(JsonNode naturalKey) {
        Set<String> names = naturalKey.values().stream().map(JsonNode::asString).collect(Collectors.toSet());
        Set<String> expected = NATURAL_KEY.stream().map(LedgerField::fieldName).collect(Collectors.toSet());
        if (!names.equals(expected) || naturalKey.size() != expected.size()) {
            throw new InvalidLedgerProfileException("profile.naturalKey", naturalKey.toString());
        }
    }

    private static void checkHeaderCollisions(Iterable<LedgerColumn> columns) {
        Map<String, LedgerField> owners = new HashMap<>();
        for (LedgerColumn column : columns) {
            for (String synonym : column.headerSynonyms()) {
                LedgerField owner = owners.putIfAbsent(LedgerText.headerKey(synonym), column.field());
                if (owner != null && owner != column.field()) {
                    throw new InvalidLedgerProfileException("profile.headerCollision", synonym, owner.fieldName(),
                            column.field().fieldName());
                }
            }
        }
    }
}
