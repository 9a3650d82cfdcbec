package org.tezuo.core.entity;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An entity document, parsed. Only entities with {@code storage: records} get a table; others, such as the
 * certificate ledger that the platform stores in its own tables, are parsed for their field list only.
 *
 * @param name entity name, lower-case snake case; it is the table name
 * @param labelZh Chinese label
 * @param labelEn English label, or null
 * @param storage {@code records}, {@code platform} or null
 * @param fields fields in document order
 * @param indexes indexes over the entity's table
 */
public record EntityDefinition(String name, String labelZh, @Nullable String labelEn, @Nullable String storage,
        List<EntityField> fields, List<EntityIndex> indexes) {

    /** The {@code storage} value of entities whose records live in a table of their own. */
    public static final String RECORDS_STORAGE = "records";

    public EntityDefinition {
        fields = List.copyOf(fields);
        indexes = List.copyOf(indexes);
    }

    /** Returns whether records of this entity are stored in a table of their own. */
    public boolean storesRecords() {
        return RECORDS_STORAGE.equals(storage);
    }

    /** Finds the field called {@code fieldName}. */
    public Optional<EntityField> field(String fieldName) {
        return fields.stream().filter(field -> field.name().equals(fieldName)).findFirst();
    }

    public String label(Locale locale) {
        return "en".equals(locale.getLanguage()) && labelEn != null ? labelEn : labelZh;
    }

    /** Returns the table of the entity's records. */
    public String table() {
        return EntityNaming.tableOf(name);
    }

    /** Returns the child table that stores the rows of the table field {@code fieldName}. */
    public String childTable(EntityField tableField) {
        return EntityNaming.tableOf(name) + "__" + tableField.column();
    }
}
