package org.tezuo.core.qualification.roster;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.tezuo.core.i18n.UserMessages;
import tools.jackson.databind.json.JsonMapper;

/** The {@code roster_import} table: one row per ledger import, with its counts and row errors. */
@Component
public class RosterImportStore {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public RosterImportStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** One row error as stored in {@code roster_import.errors}. */
    record StoredError(int row, String column, String value, String reasonKey, List<String> reasonArguments,
            String reason) {
    }

    /** Inserts the batch before its rows are written, so that their audit records can name it. */
    long start(long tenantId, String fileName, LedgerFileType fileType, String actor, Instant importedAt,
            int headerRow) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into roster_import (tenant_id, file_name, file_type, actor, imported_at, header_row, errors)
                values (?, ?, ?, ?, ?, ?, '[]')""")
                .params(tenantId, fileName, fileType.name(), actor, Timestamp.from(importedAt), headerRow)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** Stores the counts and errors of a finished import. */
    void complete(RosterImportResult result) {
        List<StoredError> errors = result.errors().stream()
                .map(error -> new StoredError(error.rowNumber(), error.column(), error.value(), error.reasonKey(),
                        error.reasonArguments(), error.reason(UserMessages.DEFAULT_LOCALE)))
                .toList();
        jdbc.sql("""
                update roster_import set total_rows = ?, created_count = ?, updated_count = ?, unchanged_count = ?,
                    rejected_count = ?, errors = ?
                where id = ?""")
                .params(result.rows().size(), result.created(), result.updated(), result.unchanged(),
                        result.rejected(), json.writeValueAsString(errors), result.batchId())
                .update();
    }

    /** Returns the row errors of a stored batch, for the error-list download; empty when the batch is unknown. */
    public Optional<List<RowError>> errorsOf(long tenantId, long batchId) {
        return find(tenantId, batchId).map(batch -> List.of(json.readValue(batch.errorsJson(), StoredError[].class))
                .stream()
                .map(error -> new RowError(error.row(), error.column(), error.value(), error.reasonKey(),
                        error.reasonArguments()))
                .toList());
    }

    public Optional<RosterImportBatch> find(long tenantId, long batchId) {
        return jdbc.sql("select * from roster_import where tenant_id = ? and id = ?")
                .params(tenantId, batchId).query(this::map).optional();
    }

    /** Returns the newest imports of a tenant, newest first. */
    public List<RosterImportBatch> recent(long tenantId, int limit) {
        return jdbc.sql("select * from roster_import where tenant_id = ? order by id desc limit ?")
                .params(tenantId, limit).query(this::map).list();
    }

    private RosterImportBatch map(ResultSet rs, int row) throws SQLException {
        return new RosterImportBatch(rs.getLong("id"), rs.getLong("tenant_id"), rs.getString("file_name"),
                LedgerFileType.valueOf(rs.getString("file_type")), rs.getString("actor"),
                rs.getTimestamp("imported_at").toInstant(), rs.getInt("header_row"), rs.getInt("total_rows"),
                rs.getInt("created_count"), rs.getInt("updated_count"), rs.getInt("unchanged_count"),
                rs.getInt("rejected_count"), rs.getString("errors"));
    }
}
