package org.tezuo.core.qualification.health;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.tezuo.core.query.QueryEngine;
import org.tezuo.core.query.QueryResult;
import org.tezuo.core.tenant.Tenant;

/**
 * Computes the qualification-health measures of a tenant for a month and the month before, per company, plant and
 * workshop. The figures come from SQL over the tenant's platform tables in the query layer ({@code core.person},
 * {@code core.certificate}, ...), which filters every table to the tenant, grouped by the persons' {@code org_unit}
 * text. A person belongs to the org unit whose name or code equals that text and to every company, plant and
 * workshop above it, so each unit's figures are the sums of the groups in and below it. Persons whose text names no
 * unit count only for the whole tenant.
 *
 * <p>Persons in scope are the holders of a post that requires certificates when the tenant has declared such
 * posts ({@code core.post_requirement}), and they are covered by a valid certificate of an item their post
 * requires. A tenant without declared posts counts every certificate holder, covered by any valid certificate.
 * Certificate counts (overdue, due, reviews) and freezes cover every person of the unit either way.
 *
 * <p>NOTE: the ledger keeps only the last review date of a certificate, so a review counts as done for a due date
 * when the last review lies within the six months before that due date or after it; older cycles are judged by
 * the same last review.
 */
@Component
public class HealthReportCalculator {

    /** Org unit kinds that get a line of their own, by {@code org_unit.kind}; a department sits at the workshop level. */
    static final Set<String> REPORTED_KINDS = Set.of("company", "plant", "workshop", "department");

    // Parameters are cast to their type, because Calcite cannot infer the type of a parameter inside OR and CASE.
    private static final String AS_OF = "cast(:asOf as date)";
    private static final String END = "cast(:end as timestamp)";

    /** Whether the last review lies more than six months before {@code review_due_on}, too early to count. */
    private static final String REVIEW_TOO_OLD = "c.review_done_on < c.review_due_on - interval '6' month";

    /** Whether the review due on {@code review_due_on} has no review recorded by the end of {@code asOf}. */
    private static final String REVIEW_OUTSTANDING = "(c.review_done_on is null or c.review_done_on > " + AS_OF
            + " or " + REVIEW_TOO_OLD + ")";

    /** Whether the certificate is expired or overdue for review at the end of {@code asOf}. */
    private static final String OVERDUE = "(c.valid_until < " + AS_OF + " or c.review_due_on is not null and "
            + "c.review_due_on < " + AS_OF + " and " + REVIEW_OUTSTANDING + ")";

    /** The next date the certificate falls due: the outstanding review when it comes first, else the validity end. */
    private static final String NEXT_DUE = "case when c.review_due_on is not null and " + REVIEW_OUTSTANDING
            + " and c.review_due_on < c.valid_until then c.review_due_on else c.valid_until end";

    private static final String REVIEW_DUE_IN_YEAR = "c.review_due_on > cast(:yearBefore as date) and "
            + "c.review_due_on <= " + AS_OF;

    private static final String CERTIFICATE_COUNTS = """
            select p.org_unit as org_unit,
                   sum(case when %1$s then 1 else 0 end) as overdue,
                   sum(case when not %1$s and %2$s > %5$s and %2$s <= cast(:in30Days as date)
                            then 1 else 0 end) as due30,
                   sum(case when not %1$s and %2$s > %5$s and %2$s <= cast(:in90Days as date)
                            then 1 else 0 end) as due90,
                   sum(case when %3$s then 1 else 0 end) as reviews_due,
                   sum(case when %3$s and c.review_done_on <= c.review_due_on and not %4$s
                            then 1 else 0 end) as reviews_on_time
            from core.certificate c
            join core.person p on p.id = c.person_id
            group by p.org_unit""".formatted(OVERDUE, NEXT_DUE, REVIEW_DUE_IN_YEAR, REVIEW_TOO_OLD, AS_OF);

    private static final String HOLDERS_IN_SCOPE = """
            select s.org_unit as org_unit, count(*) as persons, count(v.person_id) as covered
            from (select distinct p.id, p.org_unit
                  from core.person p
                  join core.certificate c on c.person_id = p.id) s
            left join (select distinct c.person_id
                       from core.certificate c
                       where not %s) v on v.person_id = s.id
            group by s.org_unit""".formatted(OVERDUE);

    private static final String POST_HOLDERS_IN_SCOPE = """
            select s.org_unit as org_unit, count(*) as persons, count(v.person_id) as covered
            from (select distinct p.id, p.org_unit
                  from core.person p
                  join core.post po on po.name = trim(p."position")
                  join core.post_requirement r on r.post_id = po.id) s
            left join (select distinct c.person_id
                       from core.certificate c
                       join core.person p on p.id = c.person_id
                       join core.post po on po.name = trim(p."position")
                       join core.post_requirement r on r.post_id = po.id and r.certificate_item = c.item
                       where not %s) v on v.person_id = s.id
            group by s.org_unit""".formatted(OVERDUE);

    /**
     * Persons with a freeze in force at {@code end} and the start of their oldest freeze in force. The whole days
     * frozen are counted in Java because Calcite 1.42 cannot write TIMESTAMPDIFF in the PostgreSQL dialect.
     */
    private static final String FROZEN_PERSONS = """
            select p.org_unit as org_unit, f.oldest as oldest
            from (select person_id, min(frozen_at) as oldest
                  from core.certificate_freeze
                  where frozen_at < %1$s and (lifted_at is null or lifted_at >= %1$s)
                  group by person_id) f
            join core.person p on p.id = f.person_id""".formatted(END);

    private static final String DECLARED_REQUIREMENTS = "select count(*) from core.post_requirement";

    private static final String UNITS = "select id, parent_id, code, name, kind from core.org_unit order by id";

    private final QueryEngine queries;

    public HealthReportCalculator(QueryEngine queries) {
        this.queries = queries;
    }

    private record Unit(long id, @Nullable Long parentId, String code, String name, String kind) {
    }

    /** Computes the report of {@code month} for the tenant. */
    public HealthReport calculate(Tenant tenant, YearMonth month) {
        List<Unit> units = units(tenant.id());
        HealthReport.Scope scope = scope(tenant.id());
        Map<String, HealthMeasures> current = measuresByUnitText(tenant.id(), scope, month.atEndOfMonth(),
                tenant.zone());
        Map<String, HealthMeasures> previous = measuresByUnitText(tenant.id(), scope,
                month.minusMonths(1).atEndOfMonth(), tenant.zone());
        UnitTotals currentTotals = UnitTotals.of(units, current);
        UnitTotals previousTotals = UnitTotals.of(units, previous);

        List<HealthRow> rows = new ArrayList<>();
        rows.add(new HealthRow(null, "enterprise", tenant.name(), 0, currentTotals.whole(), previousTotals.whole()));
        for (UnitAtDepth unit : reportedUnitsInTreeOrder(units)) {
            long id = unit.unit().id();
            rows.add(new HealthRow(id, unit.unit().kind(), unit.unit().name(), unit.depth(),
                    currentTotals.of(id), previousTotals.of(id)));
        }
        return new HealthReport(tenant.id(), tenant.name(), tenant.zone(), month, month.atEndOfMonth(), scope, rows);
    }

    private HealthReport.Scope scope(long tenantId) {
        QueryResult declared = queries.runAll(tenantId, DECLARED_REQUIREMENTS, Map.of());
        return number(declared.rows().getFirst().getFirst()).longValue() > 0 ? HealthReport.Scope.POST_HOLDERS
                : HealthReport.Scope.CERTIFICATE_HOLDERS;
    }

    /**
     * Returns the measures at the end of {@code asOf} in {@code zone} by the persons' {@code org_unit} text as
     * stored, with "" for persons without one.
     */
    private Map<String, HealthMeasures> measuresByUnitText(long tenantId, HealthReport.Scope scope, LocalDate asOf,
            ZoneId zone) {
        Map<String, Object> dates = Map.of("asOf", asOf, "in30Days", asOf.plusDays(30), "in90Days",
                asOf.plusDays(90), "yearBefore", asOf.minusMonths(12));
        Instant end = asOf.plusDays(1).atStartOfDay(zone).toInstant();
        Map<String, HealthMeasures> measures = new HashMap<>();

        String inScope = scope == HealthReport.Scope.POST_HOLDERS ? POST_HOLDERS_IN_SCOPE : HOLDERS_IN_SCOPE;
        for (List<Object> row : queries.runAll(tenantId, inScope, Map.of("asOf", asOf)).rows()) {
            add(measures, row.get(0), new HealthMeasures(intValue(row.get(1)), intValue(row.get(2)), 0, 0, 0, 0, 0,
                    0, 0));
        }
        for (List<Object> row : queries.runAll(tenantId, CERTIFICATE_COUNTS, dates).rows()) {
            add(measures, row.get(0), new HealthMeasures(0, 0, intValue(row.get(1)), intValue(row.get(2)),
                    intValue(row.get(3)), intValue(row.get(4)), intValue(row.get(5)), 0, 0));
        }
        for (List<Object> row : queries.runAll(tenantId, FROZEN_PERSONS, Map.of("end", end)).rows()) {
            Instant oldest = instant(row.get(1));
            add(measures, row.get(0), new HealthMeasures(0, 0, 0, 0, 0, 0, 0, 1,
                    ChronoUnit.DAYS.between(oldest, end)));
        }
        return measures;
    }

    private static void add(Map<String, HealthMeasures> measures, @Nullable Object unitText, HealthMeasures more) {
        measures.merge(unitText == null ? "" : unitText.toString(), more, HealthMeasures::plus);
    }

    /**
     * Converts a timestamp-with-time-zone value: an {@link Instant} from PostgreSQL, which Calcite reads as a
     * timestamp, or an {@link OffsetDateTime} from H2, whose column type Calcite passes through unconverted.
     */
    private static Instant instant(@Nullable Object value) {
        return switch (value) {
            case Instant instant -> instant;
            case OffsetDateTime offsetDateTime -> offsetDateTime.toInstant();
            case null, default -> throw new IllegalStateException("A health-report query returned " + value
                    + " where a timestamp was expected");
        };
    }

    private static int intValue(@Nullable Object value) {
        return Math.toIntExact(number(value).longValue());
    }

    private static Number number(@Nullable Object value) {
        if (value instanceof Number number) {
            return number;
        }
        throw new IllegalStateException("A health-report query returned " + value + " where a number was expected");
    }

    /** The measures of every org unit, summed over the unit texts that name the unit or a unit below it. */
    private record UnitTotals(HealthMeasures whole, Map<Long, HealthMeasures> byUnit) {

        static UnitTotals of(List<Unit> units, Map<String, HealthMeasures> byUnitText) {
            Map<String, Unit> byName = new HashMap<>();
            for (Unit unit : units) {
                byName.putIfAbsent(unit.code(), unit);
            }
            for (Unit unit : units) {
                byName.put(unit.name(), unit);
            }
            Map<Long, Unit> byId = new HashMap<>();
            units.forEach(unit -> byId.put(unit.id(), unit));

            HealthMeasures whole = HealthMeasures.ZERO;
            Map<Long, HealthMeasures> byUnit = new HashMap<>();
            for (Map.Entry<String, HealthMeasures> group : byUnitText.entrySet()) {
                whole = whole.plus(group.getValue());
                Unit unit = byName.get(group.getKey().strip());
                Set<Long> seen = new HashSet<>();
                while (unit != null && seen.add(unit.id())) {
                    byUnit.merge(unit.id(), group.getValue(), HealthMeasures::plus);
                    unit = unit.parentId() == null ? null : byId.get(unit.parentId());
                }
            }
            return new UnitTotals(whole, byUnit);
        }

        HealthMeasures of(long unitId) {
            return byUnit.getOrDefault(unitId, HealthMeasures.ZERO);
        }
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
        return queries.runAll(tenantId, UNITS, Map.of()).rows().stream()
                .map(row -> new Unit(number(row.get(0)).longValue(),
                        row.get(1) == null ? null : number(row.get(1)).longValue(), (String) row.get(2),
                        (String) row.get(3), (String) row.get(4)))
                .toList();
    }
}
