package org.tezuo.core.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tezuo.core.entity.EntityNaming;
import tools.jackson.databind.JsonNode;

/**
 * A published entity whose records live in a table of the tenant's schema, reduced to what the query layer needs:
 * the table and, for each field of the published version, its column.
 *
 * @param name entity name, which is also the table name
 * @param version published document version
 * @param fields fields in document order
 */
record RecordEntity(String name, int version, List<Field> fields) {

    /** One field of the entity and the column that stores it. */
    record Field(String name, String type, String column) {
    }

    RecordEntity {
        fields = List.copyOf(fields);
    }

    /** Returns the entity described by a published entity document, or empty when it is not stored as records. */
    static Optional<RecordEntity> fromDocument(JsonNode body, int version) {
        if (!"records".equals(body.path("storage").asString(""))) {
            return Optional.empty();
        }
        List<Field> fields = new ArrayList<>();
        for (JsonNode field : body.path("fields")) {
            String fieldName = field.path("name").asString();
            fields.add(new Field(fieldName, field.path("type").asString(), EntityNaming.columnOf(fieldName)));
        }
        return Optional.of(new RecordEntity(EntityNaming.tableOf(body.path("name").asString()), version, fields));
    }

    /** Returns the columns a query may name: the system columns except {@code deleted_at}, then the fields. */
    List<String> queryableColumns() {
        List<String> columns = new ArrayList<>();
        EntityNaming.SYSTEM_COLUMNS.stream().filter(column -> !column.equals(EntityNaming.DELETED_AT))
                .forEach(columns::add);
        fields.forEach(field -> columns.add(field.column()));
        return columns;
    }
}
