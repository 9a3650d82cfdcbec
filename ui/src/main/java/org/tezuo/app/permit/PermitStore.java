package org.tezuo.app.permit;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Permits, their gas readings and risk confirmations; every query is filtered by tenant. */
@Component
public class PermitStore {

    private static final TypeReference<List<PermitRiskItem>> RISK_ITEMS = new TypeReference<>() {
    };

    /** How many ids one query of {@link #findAll} names, well below the bind-parameter limits of the databases. */
    private static final int FIND_ALL_CHUNK = 500;

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final String numberingLock;

    public PermitStore(JdbcClient jdbc, JsonMapper json, Clock clock, DataSource dataSource) throws SQLException {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.numberingLock = numberingLock(dataSource);
    }

    /**
     * Returns the statement that locks the tenant's row for numbering. On PostgreSQL it is {@code for no key
     * update}, because every insert into a table with a foreign key to {@code tenant} holds a key-share lock on
     * that row until commit, and {@code for update} conflicts with it: two issuing transactions that had both
     * inserted such rows would wait for each other. H2 takes no row locks for foreign keys and supports only
     * {@code for update}.
     */
    private static String numberingLock(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            boolean postgres = connection.getMetaData().getDatabaseProductName().equalsIgnoreCase("PostgreSQL");
            return "select id from tenant where id = ? for " + (postgres ? "no key update" : "update");
        }
    }

    long insertDraft(long tenantId, String permitType, String formKey, int formVersion, String flowKey,
            String rulesetKey, String applicant, JsonNode data) {
        Timestamp now = Timestamp.from(clock.instant());
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into permit (tenant_id, permit_type, form_key, form_version, flow_key, ruleset_key, status,
                                    applicant, data, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, 'DRAFT', ?, ?, ?, ?)""")
                .params(tenantId, permitType, formKey, formVersion, flowKey, rulesetKey, applicant,
                        json.writeValueAsString(data), now, now)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    void updateData(long tenantId, long permitId, JsonNode data) {
        jdbc.sql("update permit set data = ?, updated_at = ? where tenant_id = ? and id = ?")
                .params(json.writeValueAsString(data), Timestamp.from(clock.instant()), tenantId, permitId)
                .update();
    }

    void markSubmitted(long tenantId, long permitId, int flowVersion, int rulesetVersion,
            List<PermitRiskItem> riskItems, JsonNode liveData, String processInstanceId, WorkWindow window) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                update permit set status = 'IN_APPROVAL', flow_version = ?, ruleset_version = ?, risk_items = ?,
                    live_data = ?, process_instance_id = ?, submitted_at = ?, updated_at = ?, work_start = ?,
                    work_end = ?
                where tenant_id = ? and id = ?""")
                .params(flowVersion, rulesetVersion, json.writeValueAsString(riskItems),
                        json.writeValueAsString(liveData), processInstanceId, now, now, timestamp(window.start()),
                        timestamp(window.end()), tenantId, permitId)
                .update();
    }

    /** Stores the risk score a permit is submitted with. */
    void saveRiskScore(long tenantId, long permitId, PermitRiskScore score) {
        jdbc.sql("update permit set risk_score = ?, risk_band = ?, risk_score_detail = ? where tenant_id = ? and id = ?")
                .params(score.total(), score.band(), json.writeValueAsString(score), tenantId, permitId)
                .update();
    }

    /** Returns the risk score the permit was submitted with, if its ruleset scores permits. */
    public Optional<PermitRiskScore> riskScore(long tenantId, long permitId) {
        return jdbc.sql("select risk_score_detail from permit where tenant_id = ? and id = ?")
                .params(tenantId, permitId)
                .query((rs, row) -> rs.getString("risk_score_detail"))
                .optional()
                .filter(detail -> detail != null)
                .map(detail -> json.readValue(detail, PermitRiskScore.class));
    }

    /** Sets the status only when the permit is currently in {@code expected}; returns whether it changed. */
    boolean transition(long tenantId, long permitId, PermitStatus expected, PermitStatus next) {
        return jdbc.sql("update permit set status = ?, updated_at = ? where tenant_id = ? and id = ? and status = ?")
                .params(next.name(), Timestamp.from(clock.instant()), tenantId, permitId, expected.name())
                .update() > 0;
    }

    void markIssued(long tenantId, long permitId, String permitNumber, String qrToken) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                update permit set status = 'ISSUED', permit_number = ?, qr_token = ?, issued_at = ?, updated_at = ?
                where tenant_id = ? and id = ? and status = 'IN_APPROVAL'""")
                .params(permitNumber, qrToken, now, now, tenantId, permitId)
                .update();
    }

    void setQrRevoked(long tenantId, long permitId, boolean revoked) {
        jdbc.sql("update permit set qr_revoked = ?, updated_at = ? where tenant_id = ? and id = ?")
                .params(revoked, Timestamp.from(clock.instant()), tenantId, permitId)
                .update();
    }

    /**
     * Locks the tenant's row until the transaction ends, so that permits issued at the same time count the issued
     * numbers one after another and never take the same one. The audit log locks its chain head only before
     * commit, so the lock order (tenant row, then chain head) is that of the other tenant-row locks.
     */
    void lockNumbering(long tenantId) {
        jdbc.sql(numberingLock).param(tenantId).query(Long.class).single();
    }

    /** Returns how many permits of the tenant carry a number starting with {@code numberPrefix}, for numbering. */
    int countNumbersStartingWith(long tenantId, String numberPrefix) {
        return jdbc.sql("select count(*) from permit where tenant_id = ? and permit_number like ?")
                .params(tenantId, numberPrefix + "%")
                .query(Integer.class)
                .single();
    }

    public Optional<Permit> find(long tenantId, long permitId) {
        return jdbc.sql("select * from permit where tenant_id = ? and id = ?")
                .params(tenantId, permitId).query(this::map).optional();
    }

    /** Returns the tenant's permits among {@code permitIds} by id, in one query for every 500 ids. */
    public Map<Long, Permit> findAll(long tenantId, Collection<Long> permitIds) {
        List<Long> ids = List.copyOf(new LinkedHashSet<>(permitIds));
        Map<Long, Permit> found = new HashMap<>();
        for (int from = 0; from < ids.size(); from += FIND_ALL_CHUNK) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + FIND_ALL_CHUNK));
            List<Object> params = new ArrayList<>(chunk.size() + 1);
            params.add(tenantId);
            params.addAll(chunk);
            jdbc.sql("select * from permit where tenant_id = ? and id in ("
                            + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")")
                    .params(params)
                    .query(this::map)
                    .list()
                    .forEach(permit -> found.put(permit.id(), permit));
        }
        return found;
    }

    /** A permit in flight with the end of validity its work leader accepted on site, or null before acceptance. */
    public record InFlight(Permit permit, @Nullable Instant siteValidUntil) {
    }

    /**
     * Returns the tenant's permits other than {@code excludedId} that are in approval, suspended, returned or issued,
     * without those closed or cancelled on site, whose type is one of {@code types} (any type when empty) and whose
     * work window overlaps {@code window}, in one query. A permit's window ends at the end of validity its work leader
     * accepted on site, else at its approved work end. A permit without a stored window overlaps every window.
     */
    public List<InFlight> inFlight(long tenantId, long excludedId, Set<String> types, WorkWindow window) {
        StringBuilder sql = new StringBuilder("""
                select p.*, s.valid_until as site_valid_until from permit p
                left join permit_site s on s.permit_id = p.id and s.tenant_id = p.tenant_id
                where p.tenant_id = ? and p.id <> ? and p.status in ('IN_APPROVAL', 'SUSPENDED', 'RETURNED', 'ISSUED')
                  and (s.state is null or s.state not in ('CLOSED', 'CANCELLED'))""");
        List<Object> params = new ArrayList<>(List.of(tenantId, excludedId));
        if (!types.isEmpty()) {
            sql.append(" and p.permit_type in (").append(String.join(", ", Collections.nCopies(types.size(), "?")))
                    .append(')');
            params.addAll(types.stream().sorted().toList());
        }
        if (window.start() != null) {
            sql.append(" and (coalesce(s.valid_until, p.work_end) is null or coalesce(s.valid_until, p.work_end) > ?)");
            params.add(timestamp(window.start()));
        }
        if (window.end() != null) {
            sql.append(" and (p.work_start is null or p.work_start < ?)");
            params.add(timestamp(window.end()));
        }
        return jdbc.sql(sql.append(" order by p.id").toString())
                .params(params)
                .query((rs, row) -> new InFlight(map(rs, row), instant(rs, "site_valid_until")))
                .list();
    }

    /** Finds a permit by its QR token across tenants: the token itself is the credential of the QR page. */
    public Optional<Permit> findByQrToken(String qrToken) {
        return jdbc.sql("select * from permit where qr_token = ?").param(qrToken).query(this::map).optional();
    }

    public Optional<Permit> findByProcessInstance(long tenantId, String processInstanceId) {
        return jdbc.sql("select * from permit where tenant_id = ? and process_instance_id = ?")
                .params(tenantId, processInstanceId).query(this::map).optional();
    }

    public List<Permit> list(long tenantId, int limit) {
        return jdbc.sql("select * from permit where tenant_id = ? order by id desc limit ?")
                .params(tenantId, limit).query(this::map).list();
    }

    public Map<PermitStatus, Long> countByStatus(long tenantId) {
        Map<PermitStatus, Long> counts = new EnumMap<>(PermitStatus.class);
        jdbc.sql("select status, count(*) as n from permit where tenant_id = ? group by status")
                .param(tenantId)
                .query(rs -> {
                    counts.put(PermitStatus.valueOf(rs.getString("status")), rs.getLong("n"));
                });
        return counts;
    }

    void insertGasReading(long tenantId, long permitId, String detectorId, Instant measuredAt, JsonNode payload) {
        jdbc.sql("""
                insert into permit_gas_reading (tenant_id, permit_id, detector_id, measured_at, payload, received_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(tenantId, permitId, detectorId, Timestamp.from(measuredAt), json.writeValueAsString(payload),
                        Timestamp.from(clock.instant()))
                .update();
    }

    List<JsonNode> gasReadingPayloads(long tenantId, long permitId) {
        return jdbc.sql("select payload from permit_gas_reading where tenant_id = ? and permit_id = ? order by measured_at")
                .params(tenantId, permitId)
                .query((rs, row) -> json.readTree(rs.getString("payload")))
                .list();
    }

    /** A stored risk confirmation by one approver on one task. */
    public record RiskConfirmation(String taskId, String nodeId, String approver, String itemCode,
            RiskConfirmationDecision decision, @Nullable String note, Instant confirmedAt) {
    }

    void upsertConfirmation(long tenantId, long permitId, String taskId, String nodeId, String approver,
            String itemCode, RiskConfirmationDecision decision, @Nullable String note) {
        jdbc.sql("delete from permit_risk_confirmation where tenant_id = ? and task_id = ? and approver = ? and item_code = ?")
                .params(tenantId, taskId, approver, itemCode)
                .update();
        jdbc.sql("""
                insert into permit_risk_confirmation (tenant_id, permit_id, task_id, node_id, approver, item_code,
                                                      decision, note, confirmed_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(tenantId, permitId, taskId, nodeId, approver, itemCode, decision.name(), note,
                        Timestamp.from(clock.instant()))
                .update();
    }

    public List<RiskConfirmation> confirmations(long tenantId, long permitId) {
        return jdbc.sql("select * from permit_risk_confirmation where tenant_id = ? and permit_id = ? order by id")
                .params(tenantId, permitId)
                .query((rs, row) -> new RiskConfirmation(rs.getString("task_id"), rs.getString("node_id"),
                        rs.getString("approver"), rs.getString("item_code"),
                        RiskConfirmationDecision.valueOf(rs.getString("decision")), rs.getString("note"),
                        rs.getTimestamp("confirmed_at").toInstant()))
                .list();
    }

    private Permit map(ResultSet rs, int row) throws SQLException {
        String riskItems = rs.getString("risk_items");
        String liveData = rs.getString("live_data");
        return new Permit(rs.getLong("id"), rs.getLong("tenant_id"), rs.getString("permit_type"),
                rs.getString("form_key"), rs.getInt("form_version"), rs.getString("flow_key"),
                rs.getObject("flow_version", Integer.class), rs.getString("ruleset_key"),
                rs.getObject("ruleset_version", Integer.class), PermitStatus.valueOf(rs.getString("status")),
                rs.getString("applicant"), json.readTree(rs.getString("data")),
                riskItems == null ? List.of() : json.readValue(riskItems, RISK_ITEMS),
                liveData == null ? null : json.readTree(liveData), rs.getString("process_instance_id"),
                rs.getString("permit_number"), rs.getString("qr_token"), rs.getBoolean("qr_revoked"),
                rs.getTimestamp("created_at").toInstant(), instant(rs, "submitted_at"), instant(rs, "issued_at"));
    }

    private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
