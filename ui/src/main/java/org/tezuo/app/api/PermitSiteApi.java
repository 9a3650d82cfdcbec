package org.tezuo.app.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
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
import org.tezuo.app.permit.Actor;
import org.tezuo.app.permit.site.FireWatchCheck;
import org.tezuo.app.permit.site.MeasureConfirmation;
import org.tezuo.app.permit.site.PermitSite;
import org.tezuo.app.permit.site.PermitSiteCommands;
import org.tezuo.app.permit.site.PermitSites;
import org.tezuo.app.permit.site.SiteAction;
import org.tezuo.app.permit.site.SiteEvent;
import org.tezuo.app.permit.site.SiteForbiddenException;
import org.tezuo.app.permit.site.SiteReason;
import org.tezuo.app.permit.site.SiteRefusedException;
import org.tezuo.app.permit.site.SiteRetest;
import org.tezuo.app.permit.site.SiteState;
import org.tezuo.app.permit.site.SiteText;
import org.tezuo.app.permit.site.SiteTransitionException;
import org.tezuo.core.audit.AuditLog;
import tools.jackson.databind.JsonNode;

/**
 * The site phase of issued permits: status and timeline, and the steps accept, pre-start check, start, suspend,
 * resume, extend, hand over, fire-watch confirmation, close and cancel. A gas test is posted to {@code /api/permits/{id}/gas-readings}.
 * A step the state does not allow returns 409, a step the user may not take 403, a step the ruleset blocks 422
 * with one detail per rule, and missing input 422.
 */
@RestController
@RequestMapping("/api/permits/{id}/site")
@Tag(name = "permit site", description = "作业票现场：接票、验票、开工、暂停、恢复、延期、交接班、监火确认、关闭与取消")
class PermitSiteApi {

    private final ApiCaller caller;
    private final PermitSiteCommands commands;
    private final PermitSites sites;

    PermitSiteApi(ApiCaller caller, PermitSiteCommands commands, PermitSites sites) {
        this.caller = caller;
        this.commands = commands;
        this.sites = sites;
    }

    /** A site step or event as the API shows it, with its name in the caller's language. */
    record StepView(SiteAction action, String name) {
    }

    /** A reason with its rule, value, limit and clause, in the caller's language. */
    record ReasonView(String code, String message, @Nullable String value, @Nullable String limit,
            @Nullable String unit, String source) {
    }

    /** The site status of a permit for the caller. */
    record SiteView(long permitId, SiteState state, String stateName, int rulesetVersion,
            @Nullable String workLeader, @Nullable String workLeaderName, @Nullable Instant validUntil,
            @Nullable Instant stoppedAt, List<ReasonView> suspension, @Nullable Instant lastPassedGasTestAt,
            boolean gasTestRequired, @Nullable String preStartCheckRole, boolean fireWatchRequired,
            @Nullable String fireWatch, @Nullable FireWatchView fireWatchConfirmation, List<StepView> allowed,
            List<StepView> available, @Nullable SiteRetest openRetest, List<MeasureView> measures) {
    }

    /** A safety measure that applies on the permit: its row number (1-based) and its full text. */
    record MeasureView(int measure, String item) {
    }

    /** The fire watch's confirmation that closing would use. */
    record FireWatchView(String actor, String actorName, Instant confirmedAt) {
    }

    /** One entry of the timeline. */
    record EventView(long id, SiteAction action, String actionName, SiteState stateBefore, SiteState stateAfter,
            String actor, String actorName, Instant occurredAt, @Nullable Integer rulesetVersion,
            @Nullable Boolean passed, List<ReasonView> reasons, JsonNode details) {
    }

    record Note(@Nullable String note) {
    }

    /**
     * The body of a pre-start check or hand-over: the row numbers of the confirmed measures, each measure that
     * applies on the permit. {@code measuresConfirmed} is the single tick, accepted only on a permit without
     * measure rows.
     */
    record Confirmation(@Nullable List<Integer> confirmedMeasures, @Nullable Boolean measuresConfirmed,
            @Nullable String note) {
    }

    record Reason(@Nullable String reason) {
    }

    record Extension(@Nullable OffsetDateTime until, @Nullable String reason) {
    }

    /**
     * The body of a close. {@code fireWatchConfirmed} is still accepted from older clients but ignored, because only
     * the fire watch's own confirmation ({@code POST .../fire-watch-confirm}) counts.
     */
    record Closing(@Nullable Boolean inspected, @Nullable Boolean fireWatchConfirmed, @Nullable String note) {
    }

    /** The fire watch's checklist; each item must be true. */
    record FireWatchChecklist(@Nullable Boolean noOpenFire, @Nullable Boolean noSmouldering,
            @Nullable Boolean areaChecked, @Nullable String note) {
    }

    @GetMapping
    @Operation(summary = "现场状态与当前用户可执行的操作")
    SiteView status(@PathVariable long id) {
        return view(id);
    }

    @GetMapping("/timeline")
    @Operation(summary = "现场时间线：每次操作、气体检测与自动暂停")
    List<EventView> timeline(@PathVariable long id) {
        view(id);
        Locale locale = ApiCaller.locale();
        long tenantId = caller.user().tenantId();
        return sites.timeline(tenantId, id).stream().map(event -> view(event, tenantId, locale)).toList();
    }

    @PostMapping("/accept")
    @Operation(summary = "作业负责人接票")
    SiteView accept(@PathVariable long id, @RequestBody(required = false) @Nullable Note body) {
        commands.accept(actor(), id, body == null ? null : body.note());
        return view(id);
    }

    @PostMapping("/pre-start-check")
    @Operation(summary = "作业前验票（动火作业由岗位当班班长确认）：逐项确认作业票上涉及的安全措施，confirmedMeasures 填写措施序号")
    SiteView preStartCheck(@PathVariable long id, @RequestBody(required = false) @Nullable Confirmation body) {
        commands.preStartCheck(actor(), id, confirmed(body), body == null ? null : body.note());
        return view(id);
    }

    @PostMapping("/start")
    @Operation(summary = "开始作业")
    SiteView start(@PathVariable long id, @RequestBody(required = false) @Nullable Note body) {
        commands.start(actor(), id, body == null ? null : body.note());
        return view(id);
    }

    @PostMapping("/suspend")
    @Operation(summary = "暂停作业（须填写原因）")
    SiteView suspend(@PathVariable long id, @RequestBody(required = false) @Nullable Reason body) {
        commands.suspend(actor(), id, body == null ? null : body.reason());
        return view(id);
    }

    @PostMapping("/resume")
    @Operation(summary = "恢复作业（中断超过规则时长须先复测气体）")
    SiteView resume(@PathVariable long id, @RequestBody(required = false) @Nullable Note body) {
        commands.resume(actor(), id, body == null ? null : body.note());
        return view(id);
    }

    @PostMapping("/extend")
    @Operation(summary = "延期（不超过作业票类型的有效期上限）")
    SiteView extend(@PathVariable long id, @RequestBody(required = false) @Nullable Extension body) {
        commands.extend(actor(), id, body == null ? null : body.until(), body == null ? null : body.reason());
        return view(id);
    }

    @PostMapping("/hand-over")
    @Operation(summary = "交接班：接班作业负责人重新检测气体并逐项确认安全措施（confirmedMeasures 填写措施序号）")
    SiteView handOver(@PathVariable long id, @RequestBody(required = false) @Nullable Confirmation body) {
        commands.handOver(actor(), id, confirmed(body), body == null ? null : body.note());
        return view(id);
    }

    @PostMapping("/fire-watch-confirm")
    @Operation(summary = "监火确认：作业票上的监护人（监火人）确认现场无明火、无阴燃、周边已检查")
    SiteView confirmFireWatch(@PathVariable long id, @RequestBody(required = false) @Nullable FireWatchChecklist body) {
        FireWatchCheck check = body == null ? new FireWatchCheck(false, false, false)
                : new FireWatchCheck(Boolean.TRUE.equals(body.noOpenFire()), Boolean.TRUE.equals(body.noSmouldering()),
                        Boolean.TRUE.equals(body.areaChecked()));
        commands.confirmFireWatch(actor(), id, check, body == null ? null : body.note());
        return view(id);
    }

    @PostMapping("/close")
    @Operation(summary = "完工验收关闭（动火作业须先由监火人确认；请求中的 fireWatchConfirmed 不再生效）")
    SiteView close(@PathVariable long id, @RequestBody(required = false) @Nullable Closing body) {
        commands.close(actor(), id, body != null && Boolean.TRUE.equals(body.inspected()),
                body == null ? null : body.note());
        return view(id);
    }

    @PostMapping("/cancel")
    @Operation(summary = "取消作业票（须填写原因）")
    SiteView cancel(@PathVariable long id, @RequestBody(required = false) @Nullable Reason body) {
        commands.cancel(actor(), id, body == null ? null : body.reason());
        return view(id);
    }

    @ExceptionHandler(SiteTransitionException.class)
    ResponseEntity<ApiError> illegal(SiteTransitionException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(new ApiError(e.messageKey(),
                e.message(ApiCaller.locale()), e.allowed().stream()
                        .map(action -> new ApiError.Detail(action.name(), action.text(ApiCaller.locale())))
                        .toList()));
    }

    @ExceptionHandler(SiteForbiddenException.class)
    ResponseEntity<ApiError> forbidden(SiteForbiddenException e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN)
                .body(new ApiError(e.messageKey(), e.message(ApiCaller.locale()), List.of()));
    }

    @ExceptionHandler(SiteRefusedException.class)
    ResponseEntity<ApiError> refused(SiteRefusedException e) {
        Locale locale = ApiCaller.locale();
        return ResponseEntity.unprocessableContent().body(new ApiError(e.messageKey(), e.message(locale),
                e.reasons().stream().map(reason -> new ApiError.Detail(reason.code(), reason.text(locale)))
                        .toList()));
    }

    private SiteView view(long id) {
        long tenantId = caller.user().tenantId();
        String username = caller.user().username();
        PermitSites.SiteStatus status = sites.require(tenantId, id, username);
        Locale locale = ApiCaller.locale();
        PermitSite site = status.site();
        return new SiteView(id, status.state(), status.state().text(locale), status.rulesetVersion(),
                site == null ? null : site.workLeader(),
                site == null ? null : sites.displayName(tenantId, site.workLeader()),
                site == null ? null : site.validUntil(), site == null ? null : site.stoppedAt(),
                site == null ? List.of() : reasons(site.suspension(), locale),
                site == null ? null : site.lastPassedGasTestAt(), status.profile().gasTestRequired(),
                status.profile().shiftCheckRole() == null ? null : status.profile().shiftCheckRole().code(),
                status.profile().fireWatchRequired(),
                status.profile().fireWatchRequired() ? status.fireWatch().text(locale) : null,
                fireWatchView(status.fireWatchConfirmation(), tenantId), steps(status.allowed(), locale),
                steps(status.available(), locale), status.openRetest(), status.measures().stream()
                        .map(measure -> new MeasureView(measure.number(), measure.item())).toList());
    }

    private EventView view(SiteEvent event, long tenantId, Locale locale) {
        String actorName = AuditLog.SYSTEM_ACTOR.equals(event.actor())
                ? SiteText.render(locale, "site.who.system")
                : sites.displayName(tenantId, event.actor());
        return new EventView(event.id(), event.action(), event.action().text(locale), event.stateBefore(),
                event.stateAfter(), event.actor(), actorName, event.occurredAt(), event.rulesetVersion(),
                event.passed(), reasons(event.reasons(), locale), event.details());
    }

    private @Nullable FireWatchView fireWatchView(@Nullable SiteEvent confirmation, long tenantId) {
        return confirmation == null ? null : new FireWatchView(confirmation.actor(),
                sites.displayName(tenantId, confirmation.actor()), confirmation.occurredAt());
    }

    private static List<ReasonView> reasons(List<SiteReason> reasons, Locale locale) {
        return reasons.stream().map(reason -> new ReasonView(reason.code(), reason.text(locale), reason.value(),
                reason.limit(), reason.unit(), reason.source())).toList();
    }

    private static List<StepView> steps(List<SiteAction> actions, Locale locale) {
        return actions.stream().map(action -> new StepView(action, action.text(locale))).toList();
    }

    private static MeasureConfirmation confirmed(@Nullable Confirmation body) {
        return body == null ? MeasureConfirmation.ticked(false)
                : new MeasureConfirmation(body.confirmedMeasures(), Boolean.TRUE.equals(body.measuresConfirmed()));
    }

    private Actor actor() {
        return caller.actor();
    }
}
