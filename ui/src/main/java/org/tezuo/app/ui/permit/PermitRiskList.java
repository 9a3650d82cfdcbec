package org.tezuo.app.ui.permit;

import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.badge.BadgeVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.tezuo.app.permit.Permit;
import org.tezuo.app.permit.PermitRiskItem;
import org.tezuo.app.permit.PermitStore;
import org.tezuo.app.ui.form.FieldDisplay;
import org.tezuo.app.ui.form.FormContext;
import org.tezuo.app.ui.i18n.DisplayFormats;
import org.tezuo.workflow.approval.ApprovalRecord;

/**
 * The risk items a permit was submitted with, each with its severity, message (live value, limit and clause),
 * and every approver's confirmation of it: the step, the approver, 已现场核查 or 已升级管控, the note and time.
 */
public class PermitRiskList extends Div {

    public PermitRiskList(Permit permit, List<PermitStore.RiskConfirmation> confirmations,
            List<ApprovalRecord> history, FieldDisplay display, FormContext context) {
        setId("risk-items");
        addClassName("tezuo-risk-list");
        add(new H3(getTranslation("risk.title", permit.riskItems().size())));
        if (permit.riskItems().isEmpty()) {
            Paragraph none = new Paragraph(getTranslation(permit.submittedAt() == null ? "risk.notAssessed"
                    : "risk.none"));
            none.addClassName("tezuo-muted");
            add(none);
            return;
        }
        Map<String, String> stepNames = history.stream().collect(Collectors.toMap(ApprovalRecord::nodeId,
                ApprovalRecord::nodeName, (first, second) -> first));
        Locale locale = context.locale();
        for (PermitRiskItem item : permit.riskItems()) {
            Div card = new Div();
            card.addClassName("tezuo-risk-item");
            card.getElement().setAttribute("data-code", item.code());
            card.add(new Div(severityBadge(item.severity()),
                    new Span(PermitSummary.isEnglish(locale) ? item.messageEn() : item.messageZh())));
            if (item.value() != null || item.limit() != null) {
                Span measured = new Span(getTranslation("risk.valueAndLimit", RiskValueText.of(this, item.value()),
                        text(item.limit()), item.unit() == null ? "" : item.unit()));
                measured.addClassName("tezuo-muted");
                card.add(new Div(measured));
            }
            Span source = new Span(getTranslation("risk.source", item.source()));
            source.addClassName("tezuo-muted");
            card.add(new Div(source));
            RiskLimitOrigin.of(item, locale).ifPresent(card::add);
            confirmations.stream()
                    .filter(confirmation -> confirmation.itemCode().equals(item.code()))
                    .forEach(confirmation -> {
                        Div line = new Div(new Span(getTranslation("risk.confirmation",
                                stepNames.getOrDefault(confirmation.nodeId(), confirmation.nodeId()),
                                display.person(confirmation.approver()),
                                PermitSummary.isEnglish(locale) ? confirmation.decision().en()
                                        : confirmation.decision().zh(),
                                confirmation.note() == null || confirmation.note().isBlank()
                                        ? getTranslation("value.none") : confirmation.note(),
                                DisplayFormats.dateTime(confirmation.confirmedAt(), context.zone()))));
                        line.addClassName("tezuo-risk-confirmation");
                        card.add(line);
                    });
            add(card);
        }
    }

    private Badge severityBadge(String severity) {
        Badge badge = new Badge(getTranslation("risk.severity." + severity));
        badge.addThemeVariants(switch (severity) {
            case "BLOCK" -> BadgeVariant.ERROR;
            case "CONFIRM" -> BadgeVariant.WARNING;
            default -> BadgeVariant.CONTRAST;
        });
        badge.getElement().setAttribute("data-severity", severity);
        return badge;
    }

    private String text(@Nullable String value) {
        return value == null ? getTranslation("value.none") : value;
    }
}
