package org.tezuo.core.pack;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/** Detects PostgreSQL, which supports LISTEN/NOTIFY; other databases (H2) are polled instead. */
@Component
class DatabaseDialect {

    private final boolean postgres;

    DatabaseDialect(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            postgres = connection.getMetaData().getDatabaseProductName().equalsIgnoreCase("PostgreSQL");
        }
    }

    boolean postgres() {
        return postgres;
    }
}
