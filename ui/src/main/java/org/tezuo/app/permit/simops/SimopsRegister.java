package org.tezuo.app.permit.simops;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tezuo.app.permit.Permit;
import org.tezuo.app.permit.PermitDrafter;
import org.tezuo.app.permit.PermitStore;
import org.tezuo.app.permit.WorkWindow;
import org.tezuo.core.record.EntityNotFoundException;
import org.tezuo.core.record.RecordNotFoundException;
import org.tezuo.core.record.RecordQuery;
import org.tezuo.core.record.StoredRecord;
import org.tezuo.form.definition.FormDefinition;
import org.tezuo.form.record.RecordService;
import tools.jackson.databind.JsonNode;

/**
 * Reads what a SIMOPS check compares: the tenant's other permits in flight or on site, the releases of the site
 * activity register and the zones they lie in. Every read is filtered by tenant.
 */
@Component
class SimopsRegister {

    private static final Logger log = LoggerFactory.getLogger(SimopsRegister.class);

    static final String ZONE_ENTITY = "site_zone";
    static final String ACTIVITY_ENTITY = SimopsConflictCheck.ACTIVITY_ENTITY;
    /** How many of the newest releases a check reads. NOTE: an older release still open is not seen. */
    private static final int RELEASES_READ = RecordQuery.MAX_SIZE;

    private final JdbcClient jdbc;
    private final PermitStore permits;
    private final PermitDrafter drafter;
    private final RecordService records;

    SimopsRegister(JdbcClient jdbc, PermitStore permits, PermitDrafter drafter, RecordService records) {
        this.jdbc = jdbc;
        this.permits = permits;
        this.drafter = drafter;
        this.records = records;
    }

    /** A permit as a check reads it: its data through the roles of its own form version. */
    record Operation(Permit permit, FormDefinition form, JsonNode data, @Nullable Long zoneId, WorkWindow window) {

        String type() {
            return permit.permitType();
        }

        boolean flag(String role) {
            return form.boundValue(role, data).asBoolean(false);
        }

        String text(String role) {
            JsonNode value = form.boundValue(role, data);
            return value.isString() ? value.asString().strip() : "";
        }

        @Nullable BigDecimal number(String role) {
            JsonNode value = form.boundValue(role, data);
            return value.isNumber() ? value.decimalValue() : null;
        }
    }

    /** A release of the site activity register: venting, draining or dewatering. */
    record Release(long id, String kind, String description, @Nullable Long zoneId, WorkWindow window) {
    }

    /** A zone of the register: its name and, when entered, its coordinates. */
    record Zone(long id, String name, @Nullable GeoPoint point) {
    }

    /**
     * Returns the operation a permit is, with {@code data} in place of the stored data, an optional end and an
     * optional later start (the current time on site).
     */
    Operation operation(Permit permit, JsonNode data, @Nullable Instant validUntil, @Nullable Instant from) {
        FormDefinition form = drafter.formOf(permit);
        return new Operation(permit, form, data, reference(form.boundValue("zone", data)),
                WorkWindow.of(form, data).endingAt(validUntil).startingNoEarlierThan(from));
    }

    /** Returns the operation a permit is over its whole approved window, as {@link #otherActivePermits} reads it. */
    Operation operation(Permit permit, JsonNode data, @Nullable Instant validUntil) {
        return operation(permit, data, validUntil, null);
    }

    /**
     * Returns the tenant's permits other than {@code permitId} that are in approval, suspended, returned or issued,
     * without those closed or cancelled on site, of one of {@code types} (any when empty) and whose windows overlap
     * {@code window}. The end of an accepted permit is its end of validity on site. Only these candidates are read
     * and parsed, as a tenant under load may hold thousands of issued permits.
     */
    List<Operation> otherActivePermits(long tenantId, long permitId, Set<String> types, WorkWindow window) {
        return permits.inFlight(tenantId, permitId, types, window).stream()
                .map(other -> operation(other.permit(), other.permit().data(), other.siteValidUntil()))
                .toList();
    }

    /** Returns the newest releases of the tenant's site activity register; none when the template has no register. */
    List<Release> releases(long tenantId) {
        List<StoredRecord> stored;
        try {
            stored = records.list(tenantId, ACTIVITY_ENTITY, new RecordQuery(List.of(), List.of("-startsAt"), 0,
                    RELEASES_READ)).items();
        } catch (EntityNotFoundException e) {
            log.debug("Tenant {} has no site activity register", tenantId);
            return List.of();
        }
        return stored.stream()
                .map(release -> new Release(release.id(), release.data().path("kind").asString(""),
                        release.data().path("description").asString(""),
                        reference(release.data().path("siteZone")),
                        new WorkWindow(WorkWindow.instant(release.data().path("startsAt")),
                                WorkWindow.instant(release.data().path("endsAt")))))
                .toList();
    }

    /** Returns a lookup of zones that reads each zone once. */
    ZoneLookup zones(long tenantId) {
        return new ZoneLookup(tenantId);
    }

    /** Reads zones of one tenant once each. */
    final class ZoneLookup {

        private final long tenantId;
        private final Map<Long, Optional<Zone>> read = new HashMap<>();

        private ZoneLookup(long tenantId) {
            this.tenantId = tenantId;
        }

        Optional<Zone> find(@Nullable Long zoneId) {
            if (zoneId == null) {
                return Optional.empty();
            }
            return read.computeIfAbsent(zoneId, this::load);
        }

        /**
         * Returns the distance between two zones in metres: 0 for the same zone, the distance of their coordinates
         * otherwise, and empty when a zone or its coordinates are missing.
         */
        Optional<BigDecimal> distanceMetres(@Nullable Long first, @Nullable Long second) {
            if (first != null && first.equals(second)) {
                return Optional.of(BigDecimal.ZERO);
            }
            Optional<GeoPoint> a = find(first).map(Zone::point);
            Optional<GeoPoint> b = find(second).map(Zone::point);
            return a.isPresent() && b.isPresent() ? Optional.of(a.get().distanceMetres(b.get())) : Optional.empty();
        }

        private Optional<Zone> load(long zoneId) {
            try {
                JsonNode data = records.read(tenantId, ZONE_ENTITY, zoneId).data();
                JsonNode location = data.path("location");
                GeoPoint point = location.path("lat").isNumber() && location.path("lon").isNumber()
                        ? new GeoPoint(location.path("lat").asDouble(), location.path("lon").asDouble()) : null;
                return Optional.of(new Zone(zoneId, data.path("name").asString(""), point));
            } catch (RecordNotFoundException | EntityNotFoundException e) {
                log.info("Zone {} of tenant {} is not in the register: {}", zoneId, tenantId, e.toString());
                return Optional.empty();
            }
        }
    }

    private static @Nullable Long reference(JsonNode value) {
        if (value.canConvertToLong() && value.isIntegralNumber()) {
            return value.asLong();
        }
        return value.isString() && value.asString().matches("\\d{1,18}") ? Long.parseLong(value.asString()) : null;
    }
}
