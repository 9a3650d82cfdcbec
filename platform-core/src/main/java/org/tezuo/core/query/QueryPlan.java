package org.tezuo.core.query;

import java.util.List;
import java.util.Map;
import org.apache.calcite.runtime.Bindable;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * A planned and compiled query, reusable with different parameter values and safe to share between threads.
 *
 * @param catalogue the catalogue the query was validated against; its execution root runs the code
 * @param bindable the compiled plan
 * @param internalParameters values the generated code reads from its data context
 * @param columns result columns in order
 * @param parameterTypes the SQL type of each {@code ?} marker, in order
 * @param databaseSql the statements the plan sends to the database, in the database's dialect
 */
record QueryPlan(TenantCatalogue catalogue, Bindable<?> bindable, Map<String, Object> internalParameters,
        List<QueryColumn> columns, List<SqlTypeName> parameterTypes, List<String> databaseSql) {

    QueryPlan {
        internalParameters = Map.copyOf(internalParameters);
        columns = List.copyOf(columns);
        parameterTypes = List.copyOf(parameterTypes);
        databaseSql = List.copyOf(databaseSql);
    }
}
