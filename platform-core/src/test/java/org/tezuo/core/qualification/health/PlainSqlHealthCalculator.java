package org.tezuo.core.qualification.health;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tezuo.core.tenant.Tenant;

/**
 * The health-report calculation as it was before the query layer: plain SQL reads of the tenant's rows and the
 * measures computed in Java. Tests compare the query-layer figures with these for tenants without declared posts.
 */
final class PlainSqlHealthCalculator {

    private static final Set<String> REPORTED_KINDS = HealthReportCalculator.REPORTED_KINDS;
    private static final int REVIEW_WINDOW_MONTHS = 6;

    private final JdbcClient jdbc;

    PlainSqlHealthCalculator(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Unit(long id, @Nullable Long parentId, String code, String name, String kind) {
    }

    private record Cert(long personId, LocalDate validUntil, @Nullable LocalDate reviewDueOn,
            @Nullable LocalDate reviewDoneOn) {
    }

    private record Freeze(long personId, Instant frozenAt, @Nullable Instant liftedAt) {
    }

    /** Computes the rows of {@code month} for the tenant. */
    List<HealthRow> calculate(Tenant tenant, YearMonth month) {
        List<Unit> units = units(tenant.id());
        Map<Long, Set<Long>> personsByUnit = personsByUnit(tenant.id(), units);
        List<Cert> certificates = certificates(tenant.id());
        List<Freeze> freezes = freezes(tenant.id());
        Set<Long> everyone = new HashSet<>();
        certificates.forEach(certificate -> everyone.add(certificate.personId()));

        List<HealthRow> rows = new ArrayList<>();
        rows.add(row(null, "enterprise", tenant.name(), 0, everyone::contains, certificates, freezes, month,
                tenant.zone()));
        for (UnitAtDepth unit : reportedUnitsInTreeOrder(units)) {
            Set<Long> members = personsByUnit.getOrDefault(unit.unit().id(), Set.of());
            rows.add(row(unit.unit().id(), unit.unit().kind(), unit.unit().name(), unit.depth(), members::contains,
                    certificates, freezes, month, tenant.zone()));
        }
        return rows;
    }

    private static HealthRow row(@Nullable Long unitId, String level, String name, int depth, Predicate<Long> member,
            List<Cert> certificates, List<Freeze> freezes, YearMonth month, ZoneId zone) {
        List<Cert> own = certificates.stream().filter(certificate -> member.test(certificate.personId())).toList();
        List<Freeze> ownFreezes = freezes.stream().filter(freeze -> member.test(freeze.personId())).toList();
        return new HealthRow(unitId, level, name, depth, measure(own, ownFreezes, month.atEndOfMonth(), zone),
                measure(own, ownFreezes, month.minusMonths(1).atEndOfMonth(), zone));
    }

    /** Computes the measures at the end of {@code asOf} in {@code zone}. */
    static HealthMeasures measure(List<Cert> certificates, List<Freeze> freezes, LocalDate asOf, ZoneId zone) {
        Set<Long> inScope = new HashSet<>();
        Set<Long> covered = new HashSet<>();
        int overdue = 0;
        int due30 = 0;
        int due90 = 0;
        int reviewsDue = 0;
        int reviewsOnTime = 0;
        for (Cert certificate : certificates) {
            inScope.add(certificate.personId());
            if (overdue(certificate, asOf)) {
                overdue++;
            } else {
                covered.add(certificate.personId());
                LocalDate next = nextDue(certificate, asOf);
                due30 += next.isAfter(asOf) && !next.isAfter(asOf.plusDays(30)) ? 1 : 0;
                due90 += next.isAfter(asOf) && !next.isAfter(asOf.plusDays(90)) ? 1 : 0;
            }
            LocalDate reviewDue = certificate.reviewDueOn();
            if (reviewDue != null && reviewDue.isAfter(asOf.minusMonths(12)) && !reviewDue.isAfter(asOf)) {
                reviewsDue++;
                LocalDate done = certificate.reviewDoneOn();
                reviewsOnTime += done != null && !done.isAfter(reviewDue)
                        && !done.isBefore(reviewDue.minusMonths(REVIEW_WINDOW_MONTHS)) ? 1 : 0;
            }
        }

        Instant end = asOf.plusDays(1).atStartOfDay(zone).toInstant();
        Map<Long, Instant> oldestOpenFreeze = new HashMap<>();
        for (Freeze freeze : freezes) {
            boolean inForce = freeze.frozenAt().isBefore(end)
                    && (freeze.liftedAt() == null || !freeze.liftedAt().isBefore(end));
            if (inForce) {
                oldestOpenFreeze.merge(freeze.personId(), freeze.frozenAt(),
                        (left, right) -> left.isBefore(right) ? left : right);
            }
        }
        long frozenDays = oldestOpenFreeze.values().stream()
                .mapToLong(frozenAt -> ChronoUnit.DAYS.between(frozenAt, end))
                .sum();
        return new HealthMeasures(inScope.size(), covered.size(), overdue, due30, due90, reviewsDue, reviewsOnTime,
                oldestOpenFreeze.size(), frozenDays);
    }

    /** Returns whether the certificate is expired or overdue for review at the end of {@code asOf}. */
    private static boolean overdue(Cert certificate, LocalDate asOf) {
        return certificate.validUntil().isBefore(asOf) || reviewOutstanding(certificate, asOf)
                && certificate.reviewDueOn().isBefore(asOf);
    }

    /** Returns whether the review due on {@code reviewDueOn} has no review recorded by the end of {@code asOf}. */
    private static boolean reviewOutstanding(Cert certificate, LocalDate asOf) {
        LocalDate due = certificate.reviewDueOn();
        if (due == null) {
            return false;
        }
        LocalDate done = certificate.reviewDoneOn();
        return done == null || done.isAfter(asOf) || done.isBefore(due.minusMonths(REVIEW_WINDOW_MONTHS));
    }

    private static LocalDate nextDue(Cert certificate, LocalDate asOf) {
        LocalDate due = certificate.reviewDueOn();
        if (due != null && reviewOutstanding(certificate, asOf) && due.isBefore(certificate.validUntil())) {
            return due;
        }
        return certificate.validUntil();
    }

    private record UnitAtDepth(Unit unit, int depth) {
    }

    private static List<UnitAtDepth> reportedUnitsInTreeOrder(List<Unit> units) {
        Map<@Nullable Long, List<Unit>> children = new HashMap<>();
        Set<Long> ids = new HashSet<>();
        units.forEach(unit -> ids.add(unit.id()));
        for (Unit unit : units) {
            Long parent = unit.parentId() != null && ids.contains(unit.parentId()) ? unit.parentId() : null;
            children.computeIfAbsent(parent, key -> new ArrayList<>()).add(unit);
        }
        children.values().forEach(list -> list.sort(Comparator.comparing(Unit::code)));
        List<UnitAtDepth> ordered = new ArrayList<>();
        walk(children, null, 1, ordered);
        return ordered;
    }

    private static void walk(Map<@Nullable Long, List<Unit>> children, @Nullable Long parent, int depth,
            List<UnitAtDepth> ordered) {
        for (Unit unit : children.getOrDefault(parent, List.of())) {
            boolean reported = REPORTED_KINDS.contains(unit.kind());
            if (reported) {
                ordered.add(new UnitAtDepth(unit, depth));
            }
            walk(children, unit.id(), reported ? depth + 1 : depth, ordered);
        }
    }

    private List<Unit> units(long tenantId) {
        return jdbc.sql("select id, parent_id, code, name, kind from org_unit where tenant_id = ? order by id")
                .param(tenantId)
                .query((rs, row) -> new Unit(rs.getLong("id"), (Long) rs.getObject("parent_id", Long.class),
                        rs.getString("code"), rs.getString("name"), rs.getString("kind")))
                .list();
    }

    /** Returns, for every org unit, the persons in it or in a unit below it. */
    private Map<Long, Set<Long>> personsByUnit(long tenantId, List<Unit> units) {
        Map<String, Unit> byName = new HashMap<>();
        for (Unit unit : units) {
            byName.putIfAbsent(unit.code(), unit);
        }
        for (Unit unit : units) {
            byName.put(unit.name(), unit);
        }
        Map<Long, Unit> byId = new HashMap<>();
        units.forEach(unit -> byId.put(unit.id(), unit));

        Map<Long, Set<Long>> persons = new HashMap<>();
        jdbc.sql("select id, org_unit from person where tenant_id = ?")
                .param(tenantId)
                .query(rs -> {
                    long personId = rs.getLong("id");
                    Unit unit = Optional.ofNullable(rs.getString("org_unit")).map(String::strip).map(byName::get)
                            .orElse(null);
                    Set<Long> seen = new HashSet<>();
                    while (unit != null && seen.add(unit.id())) {
                        persons.computeIfAbsent(unit.id(), key -> new HashSet<>()).add(personId);
                        unit = unit.parentId() == null ? null : byId.get(unit.parentId());
                    }
                });
        return persons;
    }

    private List<Cert> certificates(long tenantId) {
        return jdbc.sql("select person_id, valid_until, review_due_on, review_done_on from certificate "
                + "where tenant_id = ?")
                .param(tenantId)
                .query((rs, row) -> new Cert(rs.getLong("person_id"), rs.getObject("valid_until", LocalDate.class),
                        rs.getObject("review_due_on", LocalDate.class), rs.getObject("review_done_on", LocalDate.class)))
                .list();
    }

    private List<Freeze> freezes(long tenantId) {
        return jdbc.sql("select person_id, frozen_at, lifted_at from certificate_freeze where tenant_id = ?")
                .param(tenantId)
                .query((rs, row) -> new Freeze(rs.getLong("person_id"), rs.getTimestamp("frozen_at").toInstant(),
                        Optional.ofNullable(rs.getTimestamp("lifted_at")).map(java.sql.Timestamp::toInstant)
                                .orElse(null)))
                .list();
    }
}
