package org.tezuo.core.entity;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The SQL differences between PostgreSQL, the system of record, and H2, the embedded database for trying the
 * app. Identifiers are always quoted, so both keep them lower case.
 */
public enum SqlDialect {
    POSTGRESQL,
    H2;

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    /** Detects the dialect of an open connection. */
    public static SqlDialect of(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        return product.contains("h2") ? H2 : POSTGRESQL;
    }

    /**
     * Quotes an identifier that comes from a published entity document.
     *
     * @throws IllegalArgumentException when the name is not lower-case snake case of at most 63 characters
     */
    public static String quote(String identifier) {
        if (!IDENTIFIER.matcher(identifier).matches()) {
            throw new IllegalArgumentException("Not a valid table or column name: " + identifier);
        }
        return "\"" + identifier + "\"";
    }

    /** Returns {@code "schema"."table"}. */
    public static String qualified(String schema, String table) {
        return quote(schema) + "." + quote(table);
    }

    String longTextType() {
        return this == H2 ? "clob" : "text";
    }

    String renameColumn(String table, String from, String to) {
        return this == H2
                ? "alter table " + table + " alter column " + quote(from) + " rename to " + quote(to)
                : "alter table " + table + " rename column " + quote(from) + " to " + quote(to);
    }

    String dropNotNull(String table, String column) {
        String change = this == H2 ? " set null" : " drop not null";
        return "alter table " + table + " alter column " + quote(column) + change;
    }

    String setNotNull(String table, String column) {
        return "alter table " + table + " alter column " + quote(column) + " set not null";
    }
}
