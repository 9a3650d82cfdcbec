package org.tezuo.app.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tezuo.app.permit.presence.PermitPresences;
import org.tezuo.app.permit.presence.PresenceAlert;
import org.tezuo.app.permit.presence.PresenceFix;
import org.tezuo.app.permit.presence.PresenceForbiddenException;
import org.tezuo.app.permit.presence.PresenceRecorder;
import org.tezuo.app.permit.presence.PresenceRole;
import org.tezuo.app.permit.presence.PresenceStateException;
import org.tezuo.app.permit.presence.PresenceSummary;
import org.tezuo.app.permit.presence.PresenceThresholds;
import org.tezuo.app.permit.site.SiteState;
import org.tezuo.core.tenant.TenantDirectory;

/**
 * Presence checks on a permit on site. People the permit names check in, send snapshots and check out with a phone
 * position, and every user of the tenant reads who is checked in, where, and the alerts. A user the permit does not
 * name gets 403, a permit that is not on site 409, and an invalid position or a too coarse accuracy 422.
 */
@RestController
@RequestMapping("/api/permits/{id}/presence")
@Tag(name = "permit presence", description = "作业现场人员在岗：手机定位签到、位置上报、签退与离岗告警")
class PermitPresenceApi {

    private final ApiCaller caller;
    private final PresenceRecorder recorder;
    private final PermitPresences presences;
    private final TenantDirectory tenants;
    private final Clock clock;

    PermitPresenceApi(ApiCaller caller, PresenceRecorder recorder, PermitPresences presences, TenantDirectory tenants,
            Clock clock) {
        this.caller = caller;
        this.recorder = recorder;
        this.presences = presences;
        this.tenants = tenants;
        this.clock = clock;
    }

    /**
     * A phone position.
     *
     * @param lat latitude in WGS 84 degrees
     * @param lon longitude in WGS 84 degrees
     * @param accuracy accuracy radius in metres, the Geolocation API's {@code coords.accuracy}
     * @param deviceTime the phone's time of the fix; the server's time is the time of record
     */
    record Position(@Nullable Double lat, @Nullable Double lon, @Nullable Double accuracy,
            @Nullable OffsetDateTime deviceTime) {
    }

    record PositionView(double lat, double lon, BigDecimal accuracyMetres, @Nullable Instant deviceTime,
            Instant recordedAt, String kind) {
    }

    record PersonView(String username, String displayName, PresenceRole role, String roleName, boolean checkedIn,
            Instant checkedInAt, @Nullable Instant checkedOutAt, Instant lastFixAt, @Nullable Boolean inside,
            @Nullable BigDecimal distanceMetres, long outsideMinutes, @Nullable Instant snapshotRequestedAt,
            @Nullable PositionView lastPosition) {
    }

    record AlertView(long id, String kind, String kindName, String username, String displayName, PresenceRole role,
            Instant raisedAt, @Nullable Instant since, @Nullable Integer minutes, @Nullable BigDecimal distanceMetres,
            String thresholdSource, String message) {
    }

    record ThresholdsView(long snapshotIntervalMinutes, long outsideAlertMinutes, long snapshotAnswerMinutes,
            BigDecimal maxAccuracyMetres, BigDecimal zoneRadiusMetres, Map<String, String> sources) {
    }

    record PresenceView(long permitId, SiteState siteState, String siteStateName, boolean onSite,
            @Nullable String zoneName, String zoneGeometry, @Nullable PresenceRole callerRole,
            ThresholdsView thresholds, List<PersonView> people, List<AlertView> alerts,
            @Nullable PresenceSummary summary) {
    }

    @GetMapping
    @Operation(summary = "现场人员在岗情况：已签到人员、最近位置、是否在作业区域内、告警")
    PresenceView status(@PathVariable long id) {
        return view(id);
    }

    @PostMapping("/check-in")
    @Operation(summary = "作业人员、监护人或作业负责人手机定位签到")
    PresenceView checkIn(@PathVariable long id, @RequestBody(required = false) @Nullable Position body) {
        recorder.checkIn(caller.actor(), id, report(body));
        return view(id);
    }

    @PostMapping("/snapshot")
    @Operation(summary = "位置上报（响应定时位置上报请求）")
    PresenceView snapshot(@PathVariable long id, @RequestBody(required = false) @Nullable Position body) {
        recorder.snapshot(caller.actor(), id, report(body));
        return view(id);
    }

    @PostMapping("/check-out")
    @Operation(summary = "签退（监护人在作业中签退会告警）")
    PresenceView checkOut(@PathVariable long id, @RequestBody(required = false) @Nullable Position body) {
        recorder.checkOut(caller.actor(), id, report(body));
        return view(id);
    }

    @ExceptionHandler(PresenceForbiddenException.class)
    ResponseEntity<ApiError> forbidden(PresenceForbiddenException e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN)
                .body(new ApiError(e.messageKey(), e.message(ApiCaller.locale()), List.of()));
    }

    @ExceptionHandler(PresenceStateException.class)
    ResponseEntity<ApiError> conflict(PresenceStateException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(new ApiError(e.messageKey(), e.message(ApiCaller.locale()), List.of()));
    }

    private static PresenceRecorder.Report report(@Nullable Position body) {
        if (body == null) {
            return new PresenceRecorder.Report(null, null, null, null);
        }
        return new PresenceRecorder.Report(body.lat(), body.lon(), body.accuracy(),
                body.deviceTime() == null ? null : body.deviceTime().toInstant());
    }

    private PresenceView view(long id) {
        long tenantId = caller.user().tenantId();
        PermitPresences.PresenceStatus status = presences.require(tenantId, id, caller.user().username());
        Locale locale = ApiCaller.locale();
        ZoneId zone = tenants.require(tenantId).zone();
        Instant now = clock.instant();
        List<PersonView> people = status.people().stream().map(present -> {
            var person = present.person();
            PresenceFix fix = present.newestFix();
            return new PersonView(person.username(), present.displayName(), person.role(),
                    person.role().text(locale), person.checkedIn(), person.checkedInAt(), person.checkedOutAt(),
                    person.lastFixAt(), person.lastInside(), person.lastDistanceMetres(),
                    person.checkedIn() ? person.outsideFor(now).toMinutes() : 0, person.snapshotRequestedAt(),
                    fix == null ? null : new PositionView(fix.position().latitude(), fix.position().longitude(),
                            fix.accuracyMetres(), fix.deviceTime(), fix.recordedAt(), fix.kind().name()));
        }).toList();
        List<AlertView> alerts = status.alerts().stream()
                .map(alert -> alertView(alert, status, tenantId, locale, zone))
                .toList();
        PresenceThresholds thresholds = status.thresholds();
        return new PresenceView(id, status.siteState(), status.siteState().text(locale), status.onSite(),
                status.zoneName(), status.zoneGeometry(), status.callerRole(),
                new ThresholdsView(thresholds.snapshotInterval().toMinutes(),
                        thresholds.outsideAlertAfter().toMinutes(), thresholds.snapshotAnswerWithin().toMinutes(),
                        thresholds.maxAccuracyMetres(), thresholds.zoneRadiusMetres(), thresholds.sources()),
                people, alerts, status.summary());
    }

    private AlertView alertView(PresenceAlert alert, PermitPresences.PresenceStatus status, long tenantId,
            Locale locale, ZoneId zone) {
        String name = presences.displayName(tenantId, alert.username());
        return new AlertView(alert.id(), alert.kind().name(), alert.kind().text(locale), alert.username(), name,
                alert.role(), alert.raisedAt(), alert.since(), alert.minutes(), alert.distanceMetres(),
                alert.thresholdSource(), presences.describe(alert, status.permit(), name, locale, zone));
    }
}
