package org.tezuo.core.query;

import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a compiled plan with bound parameter values, a row limit and a statement time-out, and converts Calcite's
 * internal values (days since the epoch, local milliseconds) to {@code java.time} values.
 */
final class QueryExecutor {

    private static final Logger log = LoggerFactory.getLogger(QueryExecutor.class);

    /** PostgreSQL's SQLSTATE for a statement cancelled by its time-out. */
    private static final String QUERY_CANCELED = "57014";

    /**
     * Calcite's own time-out message, raised before the statement is sent when less than a whole second of the
     * time-out is left, because JDBC query time-outs are whole seconds.
     */
    private static final Pattern CALCITE_TIMEOUT = Pattern.compile("^Timeout of '\\d+' ms for query execution");

    private QueryExecutor() {
    }

    /**
     * Returns at most {@code maxRows} rows; {@link QueryResult#truncated()} is true when the database had more.
     *
     * @throws QueryException when the database fails or the time-out passes
     */
    static QueryResult execute(QueryPlan plan, List<Object> parameterValues, Duration timeout, long maxRows,
            boolean planCached) {
        QueryDataContext context = new QueryDataContext(plan, parameterValues, timeout.toMillis());
        List<List<Object>> rows = new ArrayList<>();
        boolean truncated = false;
        boolean scalarRows = plan.columns().size() == 1;
        try (Enumerator<?> enumerator = ((Enumerable<?>) plan.bindable().bind(context)).enumerator()) {
            while (enumerator.moveNext()) {
                if (rows.size() >= maxRows) {
                    truncated = true;
                    break;
                }
                Object current = enumerator.current();
                Object[] values = scalarRows ? new Object[] {current} : (Object[]) current;
                rows.add(convert(plan, values));
            }
        } catch (RuntimeException e) {
            throw translate(plan, e, timeout);
        }
        return new QueryResult(plan.columns(), rows, plan.databaseSql(), truncated, planCached);
    }

    private static List<Object> convert(QueryPlan plan, Object[] values) {
        List<Object> row = new ArrayList<>(values.length);
        for (int i = 0; i < values.length; i++) {
            row.add(convertValue(plan.columns().get(i), values[i]));
        }
        return row;
    }

    private static @Nullable Object convertValue(QueryColumn column, @Nullable Object value) {
        if (value == null) {
            return null;
        }
        return switch (column.sqlType()) {
            case DATE -> value instanceof Number days ? LocalDate.ofEpochDay(days.longValue()) : value;
            case TIME -> value instanceof Number millis ? LocalTime.ofNanoOfDay(millis.longValue() * 1_000_000L)
                    : value;
            case TIMESTAMP, TIMESTAMP_WITH_LOCAL_TIME_ZONE -> value instanceof Number millis
                    ? localMillisToInstant(millis.longValue()) : value;
            default -> value;
        };
    }

    /**
     * Converts Calcite's timestamp value, milliseconds of the wall-clock time in the JVM's zone, back to an
     * instant. NOTE: a wall-clock time inside a daylight-saving overlap resolves to the earlier offset.
     */
    private static Instant localMillisToInstant(long localMillis) {
        LocalDateTime local = LocalDateTime.ofEpochSecond(Math.floorDiv(localMillis, 1000),
                (int) Math.floorMod(localMillis, 1000) * 1_000_000, ZoneOffset.UTC);
        return local.atZone(ZoneId.systemDefault()).toInstant();
    }

    private static QueryException translate(QueryPlan plan, RuntimeException e, Duration timeout) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTimeoutException
                    || cause instanceof SQLException sql && QUERY_CANCELED.equals(sql.getSQLState())
                    || CALCITE_TIMEOUT.matcher(String.valueOf(cause.getMessage())).find()) {
                log.info("Query of tenant {} timed out after {}: {}", plan.catalogue().tenantId(), timeout,
                        plan.databaseSql());
                return new QueryException("query.timeout", timeout.toSeconds());
            }
        }
        SQLException sql = findSqlException(e);
        String reason = sql == null ? String.valueOf(e.getMessage()) : sql.getMessage();
        log.warn("Query of tenant {} failed on the database: {} {}", plan.catalogue().tenantId(), plan.databaseSql(),
                reason);
        return new QueryException("query.failed", String.valueOf(reason).lines().findFirst().orElse(""));
    }

    private static @Nullable SQLException findSqlException(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }
}
