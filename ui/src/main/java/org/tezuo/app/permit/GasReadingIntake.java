package org.tezuo.app.permit;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tezuo.app.api.NotFoundException;
import org.tezuo.core.audit.AuditLog;
import org.tezuo.core.i18n.LocalizedException;
import org.tezuo.core.environment.GasReading;
import org.tezuo.core.environment.GasReadingParser;
import org.tezuo.core.tenant.TenantDirectory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Accepts gas readings posted for a permit by a phone bridge or a detector gateway: one reading or an array,
 * parsed and checked in full before any is stored, so a bad reading in a batch stores none. A reading from a
 * detector that the tenant's {@link GasDetectorRegister} lists as not in service or past its calibration is
 * rejected. Stored readings are announced as {@link GasReadingsRecorded} in the same transaction.
 */
@Component
public class GasReadingIntake {

    private final PermitStore permits;
    private final TenantDirectory tenants;
    private final AuditLog audit;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;
    private final GasDetectorRegister detectors;

    GasReadingIntake(PermitStore permits, TenantDirectory tenants, AuditLog audit, JsonMapper json,
            ApplicationEventPublisher events, GasDetectorRegister detectors) {
        this.detectors = detectors;
        this.permits = permits;
        this.tenants = tenants;
        this.audit = audit;
        this.json = json;
        this.events = events;
    }

    /** Stores the readings in {@code payload} for a permit of the actor's tenant and returns them parsed. */
    @Transactional
    public List<GasReading> record(Actor actor, long permitId, JsonNode payload) {
        Permit permit = permits.find(actor.tenantId(), permitId)
                .orElseThrow(() -> new NotFoundException("作业票", permitId));
        ZoneId zone = tenants.require(actor.tenantId()).zone();
        List<GasReading> readings = new GasReadingParser(zone).parse(payload.toString());
        for (int index = 0; index < readings.size(); index++) {
            GasReading reading = readings.get(index);
            if (!reading.sensorFault() && reading.flammable() == null && reading.oxygenPercentVol() == null
                    && reading.coPpm() == null && reading.h2sPpm() == null) {
                throw new LocalizedException("permit.gasReadingEmpty", reading.detectorId(),
                        payload.isArray() ? "[" + index + "]" : "$");
            }
            detectors.rejection(actor.tenantId(), reading, zone).ifPresent(rejection -> {
                throw rejection;
            });
        }
        List<JsonNode> items = payload.isArray() ? payload.valueStream().toList() : List.of(payload);
        for (int index = 0; index < readings.size(); index++) {
            GasReading reading = readings.get(index);
            permits.insertGasReading(actor.tenantId(), permitId, reading.detectorId(), reading.measuredAt().toInstant(),
                    items.get(index));
        }
        audit.append(actor.tenantId(), actor.username(), "permit.gas-reading", "permit", String.valueOf(permitId),
                null, Map.of("readings", json.valueToTree(readings)));
        events.publishEvent(new GasReadingsRecorded(actor, permit, readings, items));
        return readings;
    }
}
