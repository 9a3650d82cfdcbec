package org.tezuo.core.entity;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A physical index of an entity's table, named after its columns so that the same fields always give the same
 * name: {@code ux_<table>_<columns>} for unique, {@code ix_<table>_<columns>} for other indexes.
 *
 * @param name index name, at most 63 characters
 * @param unique whether the index is unique
 * @param columns indexed columns in order
 */
record TableIndex(String name, boolean unique, List<String> columns) {

    private static final int MAX_NAME_LENGTH = 63;

    /** Returns the indexes that {@code entity} declares, by name: unique fields first, then its indexes. */
    static Map<String, TableIndex> of(EntityDefinition entity) {
        Map<String, TableIndex> indexes = new LinkedHashMap<>();
        for (EntityField field : entity.fields()) {
            if (field.unique() && field.type() != EntityFieldType.TABLE) {
                add(indexes, entity, true, columnsOf(List.of(field)));
            }
        }
        for (EntityIndex index : entity.indexes()) {
            List<EntityField> fields = index.fields().stream().map(name -> entity.field(name).orElseThrow()).toList();
            add(indexes, entity, index.unique(), columnsOf(fields));
        }
        return indexes;
    }

    private static void add(Map<String, TableIndex> indexes, EntityDefinition entity, boolean unique,
            List<String> columns) {
        String name = name((unique ? "ux_" : "ix_") + entity.table() + "_" + String.join("_", columns));
        indexes.putIfAbsent(name, new TableIndex(name, unique, columns));
    }

    private static List<String> columnsOf(List<EntityField> fields) {
        List<String> columns = new ArrayList<>();
        fields.forEach(field -> RecordColumns.of(field).forEach(column -> columns.add(column.name())));
        return columns;
    }

    /** Shortens a long name to 63 characters by replacing its end with a hash of the whole name. */
    private static String name(String wanted) {
        if (wanted.length() <= MAX_NAME_LENGTH) {
            return wanted;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(wanted.getBytes(StandardCharsets.UTF_8));
            String hash = HexFormat.of().formatHex(digest, 0, 4);
            return wanted.substring(0, MAX_NAME_LENGTH - hash.length() - 1) + "_" + hash;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JVM", e);
        }
    }
}
