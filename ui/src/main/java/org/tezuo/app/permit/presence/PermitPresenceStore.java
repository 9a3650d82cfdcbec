package org.tezuo.app.permit.presence;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Presence states, position fixes, alerts and summaries of permits; every query is filtered by tenant. */
@Component
class PermitPresenceStore {

    /** Site states in which people may check in and the watcher requests snapshots. */
    static final String ACTIVE_STATES = "'ACCEPTED', 'GAS_TESTED', 'PRE_START_CHECKED', 'IN_PROGRESS', "
            + "'SUSPENDED_ON_SITE'";

    private final JdbcClient jdbc;

    PermitPresenceStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<PresencePerson> person(long tenantId, long permitId, String username) {
        return jdbc.sql("select * from permit_presence where tenant_id = ? and permit_id = ? and username = ?")
                .params(tenantId, permitId, username)
                .query(this::mapPerson)
                .optional();
    }

    /** Returns everyone who ever checked in on the permit, in order of their first check-in. */
    List<PresencePerson> people(long tenantId, long permitId) {
        return jdbc.sql("select * from permit_presence where tenant_id = ? and permit_id = ? "
                + "order by checked_in_at, id")
                .params(tenantId, permitId)
                .query(this::mapPerson)
                .list();
    }

    /** Inserts the person's row or replaces its values. */
    void save(long tenantId, PresencePerson person) {
        int updated = jdbc.sql("""
                update permit_presence set person_role = ?, checked_in_at = ?, checked_out_at = ?, last_fix_at = ?,
                    last_inside = ?, last_distance_m = ?, outside_since = ?, outside_alerted_at = ?,
                    snapshot_requested_at = ?, missed_alerted_at = ?
                where tenant_id = ? and permit_id = ? and username = ?""")
                .params(person.role().name(), timestamp(person.checkedInAt()), timestamp(person.checkedOutAt()),
                        timestamp(person.lastFixAt()), person.lastInside(), person.lastDistanceMetres(),
                        timestamp(person.outsideSince()), timestamp(person.outsideAlertedAt()),
                        timestamp(person.snapshotRequestedAt()), timestamp(person.missedAlertedAt()), tenantId,
                        person.permitId(), person.username())
                .update();
        if (updated == 0) {
            jdbc.sql("""
                    insert into permit_presence (tenant_id, permit_id, username, person_role, checked_in_at,
                        checked_out_at, last_fix_at, last_inside, last_distance_m, outside_since, outside_alerted_at,
                        snapshot_requested_at, missed_alerted_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(tenantId, person.permitId(), person.username(), person.role().name(),
                            timestamp(person.checkedInAt()), timestamp(person.checkedOutAt()),
                            timestamp(person.lastFixAt()), person.lastInside(), person.lastDistanceMetres(),
                            timestamp(person.outsideSince()), timestamp(person.outsideAlertedAt()),
                            timestamp(person.snapshotRequestedAt()), timestamp(person.missedAlertedAt()))
                    .update();
        }
    }

    void insertFix(long tenantId, PresenceFix fix) {
        jdbc.sql("""
                insert into permit_presence_fix (tenant_id, permit_id, username, kind, latitude, longitude, accuracy_m,
                    device_time, recorded_at, inside, distance_m)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(tenantId, fix.permitId(), fix.username(), fix.kind().name(), fix.position().latitude(),
                        fix.position().longitude(), fix.accuracyMetres(), timestamp(fix.deviceTime()),
                        timestamp(fix.recordedAt()), fix.inside(), fix.distanceMetres())
                .update();
    }

    /** Returns the newest fix of a person on the permit, if the fixes were not deleted yet. */
    Optional<PresenceFix> newestFix(long tenantId, long permitId, String username) {
        return jdbc.sql("""
                select * from permit_presence_fix where tenant_id = ? and permit_id = ? and username = ?
                order by recorded_at desc, id desc limit 1""")
                .params(tenantId, permitId, username)
                .query(this::mapFix)
                .optional();
    }

    int fixCount(long tenantId, long permitId) {
        return jdbc.sql("select count(*) from permit_presence_fix where tenant_id = ? and permit_id = ?")
                .params(tenantId, permitId)
                .query(Integer.class)
                .single();
    }

    long insertAlert(long tenantId, PresenceAlert alert) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                insert into permit_presence_alert (tenant_id, permit_id, username, person_role, kind, raised_at, since,
                    minutes, distance_m, threshold_source)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(tenantId, alert.permitId(), alert.username(), alert.role().name(), alert.kind().name(),
                        timestamp(alert.raisedAt()), timestamp(alert.since()), alert.minutes(),
                        alert.distanceMetres(), alert.thresholdSource())
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** Returns the alerts of a permit, newest first. */
    List<PresenceAlert> alerts(long tenantId, long permitId) {
        return jdbc.sql("select * from permit_presence_alert where tenant_id = ? and permit_id = ? "
                + "order by raised_at desc, id desc")
                .params(tenantId, permitId)
                .query(this::mapAlert)
                .list();
    }

    /** A permit on site on which a user is checked in, with the role the user checked in as. */
    record CheckedInElsewhere(long permitId, PresenceRole role) {
    }

    /** Returns the permits other than {@code permitId} that are on site and on which the user is checked in. */
    List<CheckedInElsewhere> checkedInElsewhere(long tenantId, String username, long permitId) {
        return jdbc.sql("select p.permit_id, p.person_role from permit_presence p join permit_site s on s.permit_id = "
                + "p.permit_id and s.tenant_id = p.tenant_id where p.tenant_id = ? and p.username = ? "
                + "and p.permit_id <> ? and p.checked_in_at is not null and p.checked_out_at is null "
                + "and s.state in (" + ACTIVE_STATES + ") order by p.permit_id")
                .params(tenantId, username, permitId)
                .query((rs, row) -> new CheckedInElsewhere(rs.getLong("permit_id"),
                        PresenceRole.valueOf(rs.getString("person_role"))))
                .list();
    }

    /** Returns the permits of a tenant that are on site and have someone checked in, oldest first. */
    List<Long> permitsWithPeopleOnSite(long tenantId) {
        return jdbc.sql("select distinct p.permit_id from permit_presence p join permit_site s on s.permit_id = "
                + "p.permit_id and s.tenant_id = p.tenant_id where p.tenant_id = ? and p.checked_out_at is null "
                + "and s.state in (" + ACTIVE_STATES + ") order by p.permit_id")
                .param(tenantId)
                .query(Long.class)
                .list();
    }

    /**
     * Returns the closed or cancelled permits of a tenant whose fixes remain and whose site ended before
     * {@code endedBefore}.
     */
    List<Long> permitsToPurge(long tenantId, Instant endedBefore) {
        return jdbc.sql("""
                select s.permit_id from permit_site s
                where s.tenant_id = ? and s.state in ('CLOSED', 'CANCELLED') and s.updated_at < ?
                  and exists (select 1 from permit_presence_fix f where f.tenant_id = s.tenant_id
                              and f.permit_id = s.permit_id)
                order by s.permit_id""")
                .params(tenantId, timestamp(endedBefore))
                .query(Long.class)
                .list();
    }

    /**
     * Deletes the position fixes of a permit and adds their counts to its summary; returns the fixes deleted. The
     * presence rows keep no coordinates and stay, and so do the alerts.
     */
    int purgeFixes(long tenantId, long permitId, Instant now) {
        PresenceSummary counted = jdbc.sql("""
                select count(distinct username) as people, count(*) as fixes,
                       count(*) filter (where inside = false) as fixes_outside,
                       min(recorded_at) as first_fix_at, max(recorded_at) as last_fix_at
                from permit_presence_fix where tenant_id = ? and permit_id = ?""")
                .params(tenantId, permitId)
                .query((rs, row) -> new PresenceSummary(permitId, rs.getInt("people"), rs.getInt("fixes"),
                        rs.getInt("fixes_outside"), 0, instant(rs, "first_fix_at"), instant(rs, "last_fix_at"), now))
                .single();
        int alerts = jdbc.sql("select count(*) from permit_presence_alert where tenant_id = ? and permit_id = ?")
                .params(tenantId, permitId)
                .query(Integer.class)
                .single();
        int merged = jdbc.sql("""
                update permit_presence_summary set people = greatest(people, ?), fixes = fixes + ?,
                    fixes_outside = fixes_outside + ?, alerts = ?, first_fix_at = least(first_fix_at, ?),
                    last_fix_at = greatest(last_fix_at, ?), purged_at = ?
                where tenant_id = ? and permit_id = ?""")
                .params(counted.people(), counted.fixes(), counted.fixesOutside(), alerts,
                        timestamp(counted.firstFixAt()), timestamp(counted.lastFixAt()), timestamp(now), tenantId,
                        permitId)
                .update();
        if (merged == 0) {
            jdbc.sql("""
                    insert into permit_presence_summary (permit_id, tenant_id, people, fixes, fixes_outside, alerts,
                        first_fix_at, last_fix_at, purged_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(permitId, tenantId, counted.people(), counted.fixes(), counted.fixesOutside(), alerts,
                            timestamp(counted.firstFixAt()), timestamp(counted.lastFixAt()), timestamp(now))
                    .update();
        }
        return jdbc.sql("delete from permit_presence_fix where tenant_id = ? and permit_id = ?")
                .params(tenantId, permitId)
                .update();
    }

    Optional<PresenceSummary> summary(long tenantId, long permitId) {
        return jdbc.sql("select * from permit_presence_summary where tenant_id = ? and permit_id = ?")
                .params(tenantId, permitId)
                .query((rs, row) -> new PresenceSummary(permitId, rs.getInt("people"), rs.getInt("fixes"),
                        rs.getInt("fixes_outside"), rs.getInt("alerts"), instant(rs, "first_fix_at"),
                        instant(rs, "last_fix_at"), rs.getTimestamp("purged_at").toInstant()))
                .optional();
    }

    private PresencePerson mapPerson(ResultSet rs, int row) throws SQLException {
        return new PresencePerson(rs.getLong("id"), rs.getLong("permit_id"), rs.getString("username"),
                PresenceRole.valueOf(rs.getString("person_role")), rs.getTimestamp("checked_in_at").toInstant(),
                instant(rs, "checked_out_at"), rs.getTimestamp("last_fix_at").toInstant(),
                rs.getObject("last_inside", Boolean.class), rs.getBigDecimal("last_distance_m"),
                instant(rs, "outside_since"), instant(rs, "outside_alerted_at"), instant(rs, "snapshot_requested_at"),
                instant(rs, "missed_alerted_at"));
    }

    private PresenceFix mapFix(ResultSet rs, int row) throws SQLException {
        return new PresenceFix(rs.getLong("permit_id"), rs.getString("username"),
                PresenceFix.Kind.valueOf(rs.getString("kind")),
                new GeoPosition(rs.getDouble("latitude"), rs.getDouble("longitude")), rs.getBigDecimal("accuracy_m"),
                instant(rs, "device_time"), rs.getTimestamp("recorded_at").toInstant(),
                rs.getObject("inside", Boolean.class), rs.getBigDecimal("distance_m"));
    }

    private PresenceAlert mapAlert(ResultSet rs, int row) throws SQLException {
        return new PresenceAlert(rs.getLong("id"), rs.getLong("permit_id"), rs.getString("username"),
                PresenceRole.valueOf(rs.getString("person_role")), PresenceAlertKind.valueOf(rs.getString("kind")),
                rs.getTimestamp("raised_at").toInstant(), instant(rs, "since"), rs.getObject("minutes", Integer.class),
                rs.getBigDecimal("distance_m"), rs.getString("threshold_source"));
    }

    private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    static @Nullable BigDecimal metres(@Nullable Double metres) {
        return metres == null ? null : BigDecimal.valueOf(metres).setScale(1, java.math.RoundingMode.HALF_UP);
    }
}
