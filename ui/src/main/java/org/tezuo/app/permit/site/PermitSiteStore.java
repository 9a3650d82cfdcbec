package org.tezuo.app.permit.site;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Site records, timelines and re-tests of permits; every query is filtered by tenant. */
@Component
public class PermitSiteStore {

    private static final TypeReference<List<SiteReason>> REASONS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    PermitSiteStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Locks the permit row until the transaction ends, so that site steps of one permit run one after the other.
     * Returns false when the tenant has no such permit.
     */
    public boolean lockPermit(long tenantId, long permitId) {
        return jdbc.sql("select id from permit where tenant_id = ? and id = ? for update")
                .params(tenantId, permitId)
                .query(Long.class)
                .optional()
                .isPresent();
    }

    public Optional<PermitSite> find(long tenantId, long permitId) {
        return jdbc.sql("select * from permit_site where tenant_id = ? and permit_id = ?")
                .params(tenantId, permitId)
                .query(this::mapSite)
                .optional();
    }

    /** Returns the site records of a tenant in {@code state}, oldest acceptance first. */
    List<PermitSite> inState(long tenantId, SiteState state) {
        return jdbc.sql("select * from permit_site where tenant_id = ? and state = ? order by accepted_at, permit_id")
                .params(tenantId, state.name())
                .query(this::mapSite)
                .list();
    }

    void insert(PermitSite site) {
        jdbc.sql("""
                insert into permit_site (permit_id, tenant_id, state, ruleset_version, work_leader, valid_until,
                                         stopped_at, suspension, last_passed_gas_test_at, accepted_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(site.permitId(), site.tenantId(), site.state().name(), site.rulesetVersion(),
                        site.workLeader(), timestamp(site.validUntil()), timestamp(site.stoppedAt()),
                        reasons(site.suspension()), timestamp(site.lastPassedGasTestAt()),
                        Timestamp.from(site.acceptedAt()), Timestamp.from(site.updatedAt()))
                .update();
    }

    void update(PermitSite site, Instant now) {
        jdbc.sql("""
                update permit_site set state = ?, ruleset_version = ?, work_leader = ?, valid_until = ?,
                    stopped_at = ?, suspension = ?, last_passed_gas_test_at = ?, updated_at = ?
                where tenant_id = ? and permit_id = ?""")
                .params(site.state().name(), site.rulesetVersion(), site.workLeader(), timestamp(site.validUntil()),
                        timestamp(site.stoppedAt()), reasons(site.suspension()),
                        timestamp(site.lastPassedGasTestAt()), Timestamp.from(now), site.tenantId(), site.permitId())
                .update();
    }

    long insertEvent(long tenantId, SiteEvent event) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into permit_site_event (tenant_id, permit_id, action, state_before, state_after, actor,
                                               occurred_at, ruleset_version, passed, reasons, details)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(tenantId, event.permitId(), event.action().name(), event.stateBefore().name(),
                        event.stateAfter().name(), event.actor(), Timestamp.from(event.occurredAt()),
                        event.rulesetVersion(), event.passed(), reasons(event.reasons()),
                        json.writeValueAsString(event.details()))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** Returns the site timeline of a permit, oldest first. */
    public List<SiteEvent> timeline(long tenantId, long permitId) {
        return jdbc.sql("select * from permit_site_event where tenant_id = ? and permit_id = ? order by occurred_at, id")
                .params(tenantId, permitId)
                .query(this::mapEvent)
                .list();
    }

    /** Returns the newest gas test recorded on site, passed or failed. */
    Optional<SiteEvent> newestGasTest(long tenantId, long permitId) {
        return jdbc.sql("""
                select * from permit_site_event where tenant_id = ? and permit_id = ? and action = 'GAS_TEST'
                order by occurred_at desc, id desc limit 1""")
                .params(tenantId, permitId)
                .query(this::mapEvent)
                .optional();
    }

    /**
     * Returns the newest fire-watch confirmation that no start or resume followed, because work after a
     * confirmation needs a new one.
     */
    Optional<SiteEvent> fireWatchConfirmation(long tenantId, long permitId) {
        return jdbc.sql("""
                select * from permit_site_event e
                where e.tenant_id = ? and e.permit_id = ? and e.action = 'FIRE_WATCH_CONFIRM'
                  and not exists (select 1 from permit_site_event w
                                  where w.tenant_id = e.tenant_id and w.permit_id = e.permit_id
                                    and w.action in ('START', 'RESUME')
                                    and (w.occurred_at > e.occurred_at
                                         or (w.occurred_at = e.occurred_at and w.id > e.id)))
                order by e.occurred_at desc, e.id desc limit 1""")
                .params(tenantId, permitId)
                .query(this::mapEvent)
                .optional();
    }

    void insertRetest(long tenantId, long permitId, Instant dueAt, String ruleId, Instant now) {
        jdbc.sql("""
                insert into permit_site_retest (tenant_id, permit_id, due_at, rule_id, status, created_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(tenantId, permitId, Timestamp.from(dueAt), ruleId, SiteRetest.OPEN, Timestamp.from(now))
                .update();
    }

    /** Returns the open re-test of a permit, if any. */
    public Optional<SiteRetest> openRetest(long tenantId, long permitId) {
        return jdbc.sql("""
                select * from permit_site_retest where tenant_id = ? and permit_id = ? and status = 'OPEN'
                order by due_at limit 1""")
                .params(tenantId, permitId)
                .query(this::mapRetest)
                .optional();
    }

    /** Resolves every open re-test of a permit with {@code status}; returns how many there were. */
    int resolveRetests(long tenantId, long permitId, String status, Instant now) {
        return jdbc.sql("""
                update permit_site_retest set status = ?, resolved_at = ?
                where tenant_id = ? and permit_id = ? and status = 'OPEN'""")
                .params(status, Timestamp.from(now), tenantId, permitId)
                .update();
    }

    private PermitSite mapSite(ResultSet rs, int row) throws SQLException {
        return new PermitSite(rs.getLong("tenant_id"), rs.getLong("permit_id"), SiteState.valueOf(rs.getString("state")),
                rs.getInt("ruleset_version"), rs.getString("work_leader"), instant(rs, "valid_until"),
                instant(rs, "stopped_at"), reasons(rs.getString("suspension")), instant(rs, "last_passed_gas_test_at"),
                rs.getTimestamp("accepted_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }

    private SiteEvent mapEvent(ResultSet rs, int row) throws SQLException {
        String details = rs.getString("details");
        return new SiteEvent(rs.getLong("id"), rs.getLong("permit_id"), SiteAction.valueOf(rs.getString("action")),
                SiteState.valueOf(rs.getString("state_before")), SiteState.valueOf(rs.getString("state_after")),
                rs.getString("actor"), rs.getTimestamp("occurred_at").toInstant(),
                rs.getObject("ruleset_version", Integer.class), rs.getObject("passed", Boolean.class),
                reasons(rs.getString("reasons")), details == null ? json.createObjectNode() : json.readTree(details));
    }

    private SiteRetest mapRetest(ResultSet rs, int row) throws SQLException {
        return new SiteRetest(rs.getLong("id"), rs.getLong("permit_id"), rs.getTimestamp("due_at").toInstant(),
                rs.getString("rule_id"), rs.getString("status"), rs.getTimestamp("created_at").toInstant(),
                instant(rs, "resolved_at"));
    }

    private @Nullable String reasons(List<SiteReason> reasons) {
        return reasons.isEmpty() ? null : json.writeValueAsString(reasons);
    }

    private List<SiteReason> reasons(@Nullable String stored) {
        return stored == null ? List.of() : json.readValue(stored, REASONS);
    }

    private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
