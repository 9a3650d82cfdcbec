package org.tezuo.core.query;

import org.tezuo.core.i18n.LocalizedException;

/**
 * A query that cannot be planned or run: a syntax error, a name the tenant's catalogue does not contain, a
 * statement other than SELECT, a missing or invalid parameter, a time-out or a database failure. Messages come
 * from the core catalogue; {@link #line()} and {@link #column()} give the position in the SQL (1-based), or 0
 * when the problem has no position.
 */
public final class QueryException extends LocalizedException {

    private final int line;
    private final int column;

    QueryException(int line, int column, String messageKey, Object... arguments) {
        super(messageKey, arguments);
        this.line = line;
        this.column = column;
    }

    QueryException(String messageKey, Object... arguments) {
        this(0, 0, messageKey, arguments);
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
