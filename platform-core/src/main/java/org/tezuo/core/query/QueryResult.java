package org.tezuo.core.query;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The rows of one query run.
 *
 * @param columns result columns in order
 * @param rows each row's values in column order; dates are {@link java.time.LocalDate}, timestamps
 *     {@link java.time.Instant}, decimals {@link java.math.BigDecimal}
 * @param databaseSql the statements the plan sent to the database
 * @param truncated whether more rows exist than were returned
 * @param planCached whether the plan came from the plan cache
 */
public record QueryResult(List<QueryColumn> columns, List<List<Object>> rows, List<String> databaseSql,
        boolean truncated, boolean planCached) {

    public QueryResult {
        columns = List.copyOf(columns);
        List<List<Object>> copies = new ArrayList<>(rows.size());
        rows.forEach(row -> copies.add(Collections.unmodifiableList(new ArrayList<>(row))));
        rows = Collections.unmodifiableList(copies);
        databaseSql = List.copyOf(databaseSql);
    }
}
