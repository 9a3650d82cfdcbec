package org.tezuo.core.query;

import org.apache.calcite.sql.type.SqlTypeName;

/**
 * One column of a query result.
 *
 * @param name the column name as the query produces it
 * @param type the SQL type, for example {@code VARCHAR} or {@code BIGINT}
 */
public record QueryColumn(String name, String type) {

    SqlTypeName sqlType() {
        return SqlTypeName.valueOf(type);
    }
}
