package org.tezuo.app.ui.permit;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.tezuo.app.permit.Actor;
import org.tezuo.app.permit.Permit;
import org.tezuo.app.permit.site.FireWatchCheck;
import org.tezuo.app.permit.site.MeasureConfirmation;
import org.tezuo.app.permit.site.PermitSite;
import org.tezuo.app.permit.site.PermitSites;
import org.tezuo.app.permit.site.SiteAction;
import org.tezuo.app.permit.site.SiteEvent;
import org.tezuo.app.permit.site.SiteMeasure;
import org.tezuo.app.permit.site.SiteReason;
import org.tezuo.app.permit.site.SiteRetest;
import org.tezuo.app.permit.site.SiteText;
import org.tezuo.app.security.CurrentUser;
import org.tezuo.app.ui.approval.OperationDialog;
import org.tezuo.app.ui.form.FieldDisplay;
import org.tezuo.app.ui.i18n.DisplayFormats;
import org.tezuo.app.ui.layout.Notices;
import tools.jackson.databind.node.ObjectNode;

/**
 * The site phase of an issued permit on its detail page, laid out for a phone. It shows the site state, the work
 * leader in charge, the end of validity, the fire watch's confirmation where the type needs it, the reasons of a
 * suspension and a due re-test. Below come one full-width
 * button per step the user may take now and the timeline. Each button opens a dialog for the step's input, and the
 * server's rejection shows in the dialog, which stays open. Element ids: {@code permit-site}, {@code site-state}
 * (with {@code data-state}), {@code site-step-<step>} for the buttons, such as {@code site-step-hand-over}, and
 * {@code dialog-site-<step>}.
 */
public class PermitSiteSection extends Div {

    private static final DateTimeFormatter READING_TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private final PermitSiteSections.Steps steps;
    private final CurrentUser user;
    private final Permit permit;
    private final ZoneId zone;
    private final Runnable refresh;

    PermitSiteSection(PermitSiteSections.Steps steps, CurrentUser user, Permit permit, PermitSites.SiteStatus status,
            List<SiteEvent> timeline, FieldDisplay display, ZoneId zone, Runnable refresh) {
        this.steps = steps;
        this.user = user;
        this.permit = permit;
        this.zone = zone;
        this.refresh = refresh;
        setId("permit-site");
        addClassName("tezuo-site");

        Badge state = new Badge(status.state().text(getLocale()));
        state.setId("site-state");
        state.getElement().setAttribute("data-state", status.state().name());
        Div header = new Div(new H3(getTranslation("site.title")), state);
        header.addClassName("tezuo-permit-header");
        add(header, facts(status, display));
        PermitSite site = status.site();
        if (site != null && !site.suspension().isEmpty()) {
            add(suspension(site.suspension()));
        }
        if (status.openRetest() != null) {
            add(retest(status.openRetest()));
        }
        add(buttons(status), new SiteTimelineList(timeline, display, zone));
    }

    private FormLayout facts(PermitSites.SiteStatus status, FieldDisplay display) {
        FormLayout facts = new FormLayout();
        facts.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        PermitSite site = status.site();
        if (site != null) {
            fact(facts, "site.workLeader", display.person(site.workLeader()), "site-work-leader");
            fact(facts, "site.validUntil", DisplayFormats.dateTime(site.validUntil(), zone), "site-valid-until");
            fact(facts, "site.lastGasTest", DisplayFormats.dateTime(site.lastPassedGasTestAt(), zone),
                    "site-last-gas-test");
            if (status.profile().fireWatchRequired()) {
                fact(facts, "site.fireWatch", fireWatch(status, display), "site-fire-watch-status");
            }
        }
        fact(facts, "site.rulesetVersion", String.valueOf(status.rulesetVersion()), "site-ruleset-version");
        return facts;
    }

    /** Returns who confirmed the site as fire watch and when, or whose confirmation closing still waits for. */
    private String fireWatch(PermitSites.SiteStatus status, FieldDisplay display) {
        SiteEvent confirmation = status.fireWatchConfirmation();
        if (confirmation == null) {
            return getTranslation("site.fireWatch.pending", status.fireWatch().text(getLocale()));
        }
        return getTranslation("site.fireWatch.confirmed", display.person(confirmation.actor()),
                DisplayFormats.dateTime(confirmation.occurredAt(), zone));
    }

    private void fact(FormLayout facts, String captionKey, String value, String id) {
        Span text = new Span(value.isEmpty() ? getTranslation("value.none") : value);
        text.setId(id);
        facts.addFormItem(text, getTranslation(captionKey));
    }

    private Div suspension(List<SiteReason> reasons) {
        Div box = new Div();
        box.setId("site-suspension");
        box.addClassName("tezuo-refusal");
        box.add(new H3(getTranslation("site.suspension")));
        reasons.forEach(reason -> box.add(new Div(new Span(reason.text(getLocale())))));
        return box;
    }

    private Div retest(SiteRetest retest) {
        Div box = new Div(new Span(getTranslation("site.retestDue", DisplayFormats.dateTime(retest.dueAt(), zone))));
        box.setId("site-retest");
        box.addClassName("tezuo-refusal");
        return box;
    }

    private Component buttons(PermitSites.SiteStatus status) {
        Div actions = new Div();
        actions.setId("site-actions");
        actions.addClassName("tezuo-site-actions");
        if (status.available().isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("site.noSteps"));
            none.addClassName("tezuo-muted");
            actions.add(none);
            return actions;
        }
        // The step that moves the work on is the primary button: resuming suspended work, otherwise the first step.
        SiteAction primary = status.available().contains(SiteAction.RESUME) ? SiteAction.RESUME
                : status.available().getFirst();
        for (SiteAction action : status.available()) {
            Button button = new Button(action.text(getLocale()), event -> dialog(action, status).open());
            button.setId("site-step-" + action.code());
            if (action == SiteAction.SUSPEND || action == SiteAction.CANCEL) {
                button.addThemeVariants(ButtonVariant.LUMO_ERROR);
            } else if (action == primary) {
                button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            }
            actions.add(button);
        }
        return actions;
    }

    private OperationDialog dialog(SiteAction action, PermitSites.SiteStatus status) {
        boolean reasonRequired = action == SiteAction.SUSPEND || action == SiteAction.CANCEL
                || action == SiteAction.EXTEND;
        OperationDialog dialog = new OperationDialog("dialog-site-" + action.code(), action.text(getLocale()),
                reasonRequired);
        Actor actor = new Actor(user.tenantId(), user.username(), getLocale());
        switch (action) {
            case GAS_TEST -> gasTest(dialog, actor);
            case PRE_START_CHECK, HAND_OVER -> measureCheck(dialog, actor, action, status.measures());
            case EXTEND -> extend(dialog, actor, status);
            case FIRE_WATCH_CONFIRM -> fireWatchCheck(dialog, actor);
            case CLOSE -> close(dialog, actor);
            default -> dialog.confirm(action.text(getLocale()), () -> {
                String missing = dialog.missingComment();
                if (missing != null) {
                    return missing;
                }
                switch (action) {
                    case ACCEPT -> steps.commands().accept(actor, permit.id(), dialog.comment());
                    case START -> steps.commands().start(actor, permit.id(), dialog.comment());
                    case SUSPEND -> steps.commands().suspend(actor, permit.id(), dialog.comment());
                    case RESUME -> steps.commands().resume(actor, permit.id(), dialog.comment());
                    case CANCEL -> steps.commands().cancel(actor, permit.id(), dialog.comment());
                    default -> throw new IllegalArgumentException("No dialog for site step " + action);
                }
                return null;
            }, () -> done(action));
        }
        return dialog;
    }

    /** Fills the gas-test dialog: a reading typed from a portable detector, measured now. */
    private void gasTest(OperationDialog dialog, Actor actor) {
        TextField detector = new TextField(getTranslation("site.gas.detector"));
        detector.setId("site-gas-detector");
        detector.setRequired(true);
        TextField gas = new TextField(getTranslation("site.gas.flammableGas"));
        gas.setId("site-gas-name");
        gas.setValue(getTranslation("site.gas.defaultGas"));
        BigDecimalField flammable = number("site-gas-flammable", "site.gas.flammableValue");
        Select<String> unit = new Select<>();
        unit.setId("site-gas-unit");
        unit.setLabel(getTranslation("site.gas.flammableUnit"));
        unit.setItems("%LEL", "%VOL");
        unit.setValue("%LEL");
        BigDecimalField oxygen = number("site-gas-oxygen", "site.gas.oxygen");
        BigDecimalField carbonMonoxide = number("site-gas-co", "site.gas.co");
        BigDecimalField hydrogenSulphide = number("site-gas-h2s", "site.gas.h2s");
        dialog.with(detector).with(gas).with(flammable).with(unit).with(oxygen).with(carbonMonoxide)
                .with(hydrogenSulphide);
        dialog.confirm(SiteAction.GAS_TEST.text(getLocale()), () -> {
            if (detector.getValue().isBlank()) {
                detector.setInvalid(true);
                return getTranslation("site.gas.detectorMissing");
            }
            ObjectNode reading = reading(detector.getValue(), gas.getValue(), flammable.getValue(), unit.getValue());
            putIfPresent(reading, "oxygenPercentVol", oxygen.getValue());
            putIfPresent(reading, "coPpm", carbonMonoxide.getValue());
            putIfPresent(reading, "h2sPpm", hydrogenSulphide.getValue());
            steps.gasReadings().record(actor, permit.id(), reading);
            return null;
        }, this::gasTestDone);
    }

    /** Returns a reading in the gas-readings format, measured now, with the flammable value when one is typed. */
    private ObjectNode reading(String detector, String gas, @Nullable BigDecimal flammable, String unit) {
        ObjectNode reading = steps.json().createObjectNode();
        reading.put("detectorId", detector.strip());
        reading.put("measuredAt", READING_TIME.format(steps.now().atZone(zone).truncatedTo(ChronoUnit.SECONDS)));
        reading.put("sensorFault", false);
        if (flammable != null) {
            ObjectNode value = reading.putObject("flammable");
            value.put("value", flammable);
            value.put("unit", unit);
            value.put("gas", gas.strip());
        }
        return reading;
    }

    private void extend(OperationDialog dialog, Actor actor, PermitSites.SiteStatus status) {
        DateTimePicker until = new DateTimePicker(getTranslation("site.extend.until"));
        until.setId("site-extend-until");
        until.setLocale(getLocale());
        PermitSite site = status.site();
        if (site != null && site.validUntil() != null) {
            until.setValue(LocalDateTime.ofInstant(site.validUntil(), zone).plusHours(1));
        }
        dialog.with(until);
        dialog.confirm(SiteAction.EXTEND.text(getLocale()), () -> {
            String missing = dialog.missingComment();
            if (missing != null) {
                return missing;
            }
            LocalDateTime value = until.getValue();
            steps.commands().extend(actor, permit.id(), value == null ? null : value.atZone(zone).toOffsetDateTime(),
                    dialog.comment());
            return null;
        }, () -> done(SiteAction.EXTEND));
    }

    /**
     * Fills the dialog of the pre-start check or hand-over: one checkbox per safety measure that applies on the
     * permit ({@code site-measure-<row>}), or the single tick ({@code site-measures-confirmed}) for a form without
     * a measure table. The server requires every measure.
     */
    private void measureCheck(OperationDialog dialog, Actor actor, SiteAction action, List<SiteMeasure> measures) {
        Checkbox tick = checkbox("site-measures-confirmed", "site.measuresConfirmed");
        Map<Integer, Checkbox> boxes = new LinkedHashMap<>();
        for (SiteMeasure measure : measures) {
            Checkbox box = new Checkbox(measure.item());
            box.setId("site-measure-" + measure.number());
            boxes.put(measure.number(), box);
            dialog.with(box);
        }
        if (boxes.isEmpty()) {
            dialog.with(tick);
        }
        dialog.confirm(action.text(getLocale()), () -> {
            MeasureConfirmation confirmation = boxes.isEmpty() ? MeasureConfirmation.ticked(tick.getValue())
                    : MeasureConfirmation.of(boxes.entrySet().stream()
                            .filter(box -> box.getValue().getValue())
                            .map(Map.Entry::getKey)
                            .toList());
            if (action == SiteAction.PRE_START_CHECK) {
                steps.commands().preStartCheck(actor, permit.id(), confirmation, dialog.comment());
            } else {
                steps.commands().handOver(actor, permit.id(), confirmation, dialog.comment());
            }
            return null;
        }, () -> done(action));
    }

    /** Fills the fire watch's dialog: one checkbox per checklist item, each of which the server requires. */
    private void fireWatchCheck(OperationDialog dialog, Actor actor) {
        List<SiteText> items = FireWatchCheck.items();
        List<Checkbox> boxes = List.of(new Checkbox(items.get(0).text(getLocale())),
                new Checkbox(items.get(1).text(getLocale())), new Checkbox(items.get(2).text(getLocale())));
        List<String> ids = List.of("site-fire-watch-no-open-fire", "site-fire-watch-no-smouldering",
                "site-fire-watch-area-checked");
        for (int index = 0; index < boxes.size(); index++) {
            boxes.get(index).setId(ids.get(index));
            dialog.with(boxes.get(index));
        }
        dialog.confirm(SiteAction.FIRE_WATCH_CONFIRM.text(getLocale()), () -> {
            steps.commands().confirmFireWatch(actor, permit.id(), new FireWatchCheck(boxes.get(0).getValue(),
                    boxes.get(1).getValue(), boxes.get(2).getValue()), dialog.comment());
            return null;
        }, () -> done(SiteAction.FIRE_WATCH_CONFIRM));
    }

    private void close(OperationDialog dialog, Actor actor) {
        Checkbox inspected = checkbox("site-inspected", "site.inspected");
        dialog.with(inspected);
        dialog.confirm(SiteAction.CLOSE.text(getLocale()), () -> {
            steps.commands().close(actor, permit.id(), inspected.getValue(), dialog.comment());
            return null;
        }, () -> done(SiteAction.CLOSE));
    }

    private void done(SiteAction action) {
        Notices.success(getTranslation("site.done", action.text(getLocale())));
        refresh.run();
    }

    /** Shows whether the gas test passed, with the failed items, and then the new state. */
    private void gasTestDone() {
        List<SiteEvent> timeline = steps.sites().timeline(user.tenantId(), permit.id());
        SiteEvent newest = timeline.isEmpty() ? null : timeline.getLast();
        if (newest == null || newest.action() != SiteAction.GAS_TEST) {
            Notices.success(getTranslation("site.gasTest.stored"));
        } else if (Boolean.TRUE.equals(newest.passed())) {
            Notices.success(getTranslation("site.gasTest.passed"));
        } else {
            Notices.error(getTranslation("site.gasTest.failedWith", String.join(getTranslation("site.reason.separator"),
                    newest.reasons().stream().map(reason -> reason.text(getLocale())).toList())));
        }
        refresh.run();
    }

    private Checkbox checkbox(String id, String labelKey) {
        Checkbox checkbox = new Checkbox(getTranslation(labelKey));
        checkbox.setId(id);
        return checkbox;
    }

    private BigDecimalField number(String id, String labelKey) {
        BigDecimalField field = new BigDecimalField(getTranslation(labelKey));
        field.setId(id);
        field.setLocale(Locale.ROOT);
        return field;
    }

    private static void putIfPresent(ObjectNode reading, String field, @Nullable BigDecimal value) {
        if (value != null) {
            reading.put(field, value);
        }
    }
}
