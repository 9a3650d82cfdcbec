package org.tezuo.core.entity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.tezuo.core.i18n.UserMessages;
import org.tezuo.core.metadata.DocumentCheck;
import org.tezuo.metadata.MetaSchemaViolation;
import org.tezuo.metadata.MetadataDocument;
import org.tezuo.metadata.MetadataKind;

/**
 * Checks an entity that stores records beyond its meta-schema. References must point at entities that store
 * records, and required references must form no cycle, because no record of a cycle could be created first. Enum
 * dictionaries must exist, no two fields may share a column after snake-casing, and indexes must name existing
 * fields.
 */
@Component
class EntityDocumentCheck implements DocumentCheck {

    /** PostgreSQL truncates longer identifiers, so two long names could silently become one. */
    private static final int MAX_IDENTIFIER_LENGTH = 63;

    private final EntityCatalog catalog;

    EntityDocumentCheck(EntityCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public boolean appliesTo(MetadataDocument candidate) {
        return candidate.kind() == MetadataKind.ENTITY
                && EntityDefinition.RECORDS_STORAGE.equals(candidate.body().path("storage").asString(""));
    }

    @Override
    public List<MetaSchemaViolation> check(MetadataDocument candidate, Locale locale) {
        EntityDefinition entity = EntityDefinitionParser.parse(candidate.body());
        List<MetaSchemaViolation> problems = new ArrayList<>();
        Map<String, EntityDefinition> known = catalog.latestRecordEntities(candidate.tenantId());
        checkFields(candidate.tenantId(), entity, entity.fields(), "$.fields", known, locale, problems);
        checkColumns(entity, locale, problems);
        checkIndexes(entity, locale, problems);
        checkCycle(candidate.tenantId(), entity, locale, problems);
        return List.copyOf(problems);
    }

    private void checkFields(long tenantId, EntityDefinition entity, List<EntityField> fields, String basePath,
            Map<String, EntityDefinition> known, Locale locale, List<MetaSchemaViolation> problems) {
        for (int i = 0; i < fields.size(); i++) {
            EntityField field = fields.get(i);
            String path = basePath + "[" + i + "]";
            String target = field.target();
            if (field.type() == EntityFieldType.REFERENCE && target != null && !target.equals(entity.name())
                    && !known.containsKey(target)) {
                problems.add(problem(path + ".target", locale, "entity.check.unknownTarget", field.name(), target));
            }
            String dictionary = field.dictionary();
            if (field.type() == EntityFieldType.ENUM && dictionary != null
                    && !catalog.dictionaryExists(tenantId, dictionary)) {
                problems.add(problem(path + ".dictionary", locale, "entity.check.unknownDictionary", field.name(),
                        dictionary));
            }
            if (field.type() == EntityFieldType.ENUM && dictionary == null && field.values().isEmpty()) {
                problems.add(problem(path, locale, "entity.check.enumWithoutValues", field.name()));
            }
            if (field.type() == EntityFieldType.TABLE) {
                checkFields(tenantId, entity, field.columns(), path + ".columns", known, locale, problems);
            }
        }
    }

    private static void checkColumns(EntityDefinition entity, Locale locale, List<MetaSchemaViolation> problems) {
        Map<String, String> ownerByColumn = new HashMap<>();
        EntityNaming.SYSTEM_COLUMNS.forEach(column -> ownerByColumn.put(column, column));
        List<EntityField> fields = entity.fields();
        for (int i = 0; i < fields.size(); i++) {
            EntityField field = fields.get(i);
            String path = "$.fields[" + i + "].name";
            List<String> columns = field.type() == EntityFieldType.TABLE
                    ? List.of(entity.childTable(field))
                    : RecordColumns.of(field).stream().map(RecordColumn::name).toList();
            for (String column : columns) {
                if (column.length() > MAX_IDENTIFIER_LENGTH) {
                    problems.add(problem(path, locale, "entity.check.columnTooLong", field.name(), column,
                            MAX_IDENTIFIER_LENGTH));
                }
                String owner = ownerByColumn.putIfAbsent(column, field.name());
                if (owner != null) {
                    problems.add(problem(path, locale, "entity.check.duplicateColumn", field.name(), column, owner));
                }
            }
        }
    }

    private static void checkIndexes(EntityDefinition entity, Locale locale, List<MetaSchemaViolation> problems) {
        for (int i = 0; i < entity.indexes().size(); i++) {
            List<String> names = entity.indexes().get(i).fields();
            for (int j = 0; j < names.size(); j++) {
                String name = names.get(j);
                Optional<EntityField> field = entity.field(name);
                String path = "$.indexes[" + i + "].fields[" + j + "]";
                if (field.isEmpty()) {
                    problems.add(problem(path, locale, "entity.check.indexUnknownField", name, fieldNames(entity)));
                } else if (field.get().type() == EntityFieldType.TABLE) {
                    problems.add(problem(path, locale, "entity.check.indexTableField", name));
                }
            }
        }
    }

    /**
     * Rejects a cycle of required references through this entity: a record of the first entity needs one of the
     * second, and so on back to the first, so no record of any of them could be created.
     */
    private void checkCycle(long tenantId, EntityDefinition entity, Locale locale,
            List<MetaSchemaViolation> problems) {
        Map<String, EntityDefinition> graph = new LinkedHashMap<>(catalog.publishedRecordEntities(tenantId));
        graph.put(entity.name(), entity);
        List<String> path = new ArrayList<>();
        if (findCycle(graph, entity.name(), entity.name(), path, new java.util.HashSet<>())) {
            String fieldName = path.getFirst().substring(entity.name().length() + 1);
            int index = entity.fields().indexOf(entity.field(fieldName).orElseThrow());
            String cycle = String.join(" → ", path) + " → " + entity.name();
            problems.add(problem("$.fields[" + index + "]", locale, "entity.check.referenceCycle", cycle));
        }
    }

    private static boolean findCycle(Map<String, EntityDefinition> graph, String start, String current,
            List<String> path, java.util.Set<String> visited) {
        EntityDefinition entity = graph.get(current);
        if (entity == null || !visited.add(current)) {
            return false;
        }
        for (EntityField field : entity.fields()) {
            if (field.type() != EntityFieldType.REFERENCE || !field.required() || field.target() == null) {
                continue;
            }
            path.add(current + "." + field.name());
            if (field.target().equals(start) || findCycle(graph, start, field.target(), path, visited)) {
                return true;
            }
            path.removeLast();
        }
        return false;
    }

    private static String fieldNames(EntityDefinition entity) {
        return entity.fields().stream().map(EntityField::name).collect(Collectors.joining(", "));
    }

    private static MetaSchemaViolation problem(String path, Locale locale, String key, Object... arguments) {
        return new MetaSchemaViolation(path, UserMessages.render(locale, key, arguments));
    }
}
