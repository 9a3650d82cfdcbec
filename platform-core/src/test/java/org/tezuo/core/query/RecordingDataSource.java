package org.tezuo.core.query;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;

/** Wraps a data source and records every SQL text its connections prepare or execute. */
final class RecordingDataSource {

    private static final Set<String> SQL_METHODS = Set.of("prepareStatement", "execute", "executeQuery");

    private final List<String> statements = new CopyOnWriteArrayList<>();
    private final DataSource dataSource;

    RecordingDataSource(DataSource target) {
        this.dataSource = proxy(DataSource.class, target);
    }

    DataSource dataSource() {
        return dataSource;
    }

    /** Returns the SQL texts sent since the last {@link #clear()}, in order. */
    List<String> statements() {
        return List.copyOf(statements);
    }

    void clear() {
        statements.clear();
    }

    private <T> T proxy(Class<T> type, T target) {
        InvocationHandler handler = (proxy, method, args) -> {
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            String name = method.getName();
            if (SQL_METHODS.contains(name) && args != null && args.length > 0 && args[0] instanceof String sql) {
                statements.add(sql);
            }
            if (result instanceof Connection connection) {
                return proxy(Connection.class, connection);
            }
            if (result instanceof Statement statement && name.equals("createStatement")) {
                return proxy(Statement.class, statement);
            }
            return result;
        };
        return type.cast(Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type}, handler));
    }
}
