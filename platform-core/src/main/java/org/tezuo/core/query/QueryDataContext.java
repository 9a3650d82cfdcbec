package org.tezuo.core.query;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.linq4j.QueryProvider;
import org.apache.calcite.schema.SchemaPlus;
import org.jspecify.annotations.Nullable;

/**
 * The variables one execution of a compiled plan reads: the execution root schema (which leads the generated code
 * to the data source), the parameter values as {@code ?0}, {@code ?1}, ..., the statement start time and time-out.
 * Times are read in the JVM's zone because the generated code converts JDBC dates and timestamps with that zone.
 */
final class QueryDataContext implements DataContext {

    private final SchemaPlus rootSchema;
    private final JavaTypeFactory typeFactory = new JavaTypeFactoryImpl();
    private final Map<String, Object> values = new HashMap<>();

    QueryDataContext(QueryPlan plan, java.util.List<Object> parameterValues, long timeoutMillis) {
        this.rootSchema = plan.catalogue().executionRoot();
        values.putAll(plan.internalParameters());
        for (int i = 0; i < parameterValues.size(); i++) {
            values.put("?" + i, parameterValues.get(i));
        }
        TimeZone zone = TimeZone.getDefault();
        long now = System.currentTimeMillis();
        values.put(Variable.UTC_TIMESTAMP.camelName, now);
        values.put(Variable.CURRENT_TIMESTAMP.camelName, now + zone.getOffset(now));
        values.put(Variable.LOCAL_TIMESTAMP.camelName, now + zone.getOffset(now));
        values.put(Variable.SYS_TIMESTAMP.camelName, now + zone.getOffset(now));
        values.put(Variable.TIME_ZONE.camelName, zone);
        values.put(Variable.LOCALE.camelName, Locale.ROOT);
        values.put(Variable.CANCEL_FLAG.camelName, new AtomicBoolean());
        values.put(Variable.TIMEOUT.camelName, timeoutMillis);
    }

    @Override
    public SchemaPlus getRootSchema() {
        return rootSchema;
    }

    @Override
    public JavaTypeFactory getTypeFactory() {
        return typeFactory;
    }

    @Override
    public QueryProvider getQueryProvider() {
        throw new UnsupportedOperationException("Plans of the query layer do not issue nested queries");
    }

    @Override
    public @Nullable Object get(String name) {
        return values.get(name);
    }
}
