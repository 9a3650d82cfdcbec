package org.tezuo.app.permit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.tezuo.app.permit.evidence.EvidenceKind;
import org.tezuo.app.permit.evidence.EvidenceRequirements;
import org.tezuo.app.permit.evidence.EvidenceRequirements.MeasureEvidence;
import org.tezuo.app.permit.evidence.EvidenceSeal;
import org.tezuo.app.permit.evidence.EvidenceStore;
import org.tezuo.app.permit.evidence.PermitEvidence;
import org.tezuo.core.i18n.UserMessages;
import org.tezuo.form.definition.FieldWidget;
import org.tezuo.form.definition.FormDefinition;
import org.tezuo.form.definition.FormField;
import org.tezuo.workflow.action.FlowActionContext;
import org.tezuo.workflow.action.FlowActionResult;
import org.tezuo.workflow.definition.Label;
import tools.jackson.databind.JsonNode;

/**
 * 证据齐全: passes when the evidence for the permit's control measures is complete. Every row of the form's
 * {@code safetyMeasures} binding that applies ({@code applies} is true) needs the person who confirmed it. A row
 * whose measure declares evidence ({@link EvidenceRequirements}) needs a piece of evidence of the declared kind,
 * recorded for that measure in the evidence chain and sealed to a risk item. A row without a declaration needs a
 * value in each of its photo, file, signature and gas-reading columns. A form that binds {@code gasAnalyses} also
 * needs at least one gas analysis row or one detector reading posted for the permit.
 */
@Component
class EvidenceCompleteAction extends PermitGateAction {

    static final String CODE = "evidenceComplete";
    static final String MEASURES = "safetyMeasures";
    static final String GAS_ANALYSES = "gasAnalyses";
    private static final Set<FieldWidget> EVIDENCE_WIDGETS = Set.of(FieldWidget.PHOTO, FieldWidget.FILE,
            FieldWidget.SIGNATURE, FieldWidget.GAS_READING);
    /** Characters of a measure's text quoted in a reason; the hot-work form's measures run to 83 characters. */
    private static final int QUOTED_LENGTH = 24;

    private final PermitStore permits;
    private final PermitDrafter drafter;
    private final EvidenceRequirements requirements;
    private final EvidenceStore evidence;

    EvidenceCompleteAction(PermitStore permits, PermitDrafter drafter, EvidenceRequirements requirements,
            EvidenceStore evidence) {
        super(permits);
        this.permits = permits;
        this.drafter = drafter;
        this.requirements = requirements;
        this.evidence = evidence;
    }

    @Override
    public String code() {
        return CODE;
    }

    @Override
    FlowActionResult check(FlowActionContext context, Permit permit) {
        FormDefinition form = drafter.formOf(permit);
        JsonNode data = context.formData();
        List<Label> missing = new ArrayList<>(measureProblems(form, data, permit.formKey(),
                sealedEvidence(context.tenantId(), permit.id())));
        if (form.binding(GAS_ANALYSES).isPresent() && form.boundValue(GAS_ANALYSES, data).isEmpty()
                && permits.gasReadingPayloads(context.tenantId(), permit.id()).isEmpty()) {
            missing.add(label("gate.evidence.noGasReading"));
        }
        if (missing.isEmpty()) {
            return FlowActionResult.pass();
        }
        return FlowActionResult.fail(label("gate.evidence.missing", locale -> new Object[] {permitName(permit),
                join(missing.stream().map(reason -> reason.in(locale)).toList(), locale)}));
    }

    /** Returns the evidence of the permit that is sealed to at least one risk item. */
    private List<PermitEvidence> sealedEvidence(long tenantId, long permitId) {
        Set<Long> sealed = evidence.seals(tenantId, permitId).stream()
                .map(EvidenceSeal::evidenceId)
                .collect(Collectors.toSet());
        return evidence.evidence(tenantId, permitId).stream()
                .filter(piece -> sealed.contains(piece.id()))
                .toList();
    }

    private List<Label> measureProblems(FormDefinition form, JsonNode data, String formKey,
            List<PermitEvidence> sealed) {
        List<FormField> evidenceColumns = form.binding(MEASURES).flatMap(form::fieldAt)
                .map(field -> field.children().stream()
                        .filter(column -> EVIDENCE_WIDGETS.contains(column.widget()))
                        .toList())
                .orElse(List.of());
        List<Label> problems = new ArrayList<>();
        JsonNode rows = form.boundValue(MEASURES, data);
        for (int index = 0; index < rows.size(); index++) {
            JsonNode row = rows.get(index);
            if (!row.path("applies").asBoolean(false)) {
                continue;
            }
            int number = index + 1;
            String measure = quote(row.path("item").asString(""));
            if (isBlank(row.path("confirmedBy"))) {
                problems.add(label("gate.evidence.noConfirmer", number, measure));
            }
            Optional<MeasureEvidence> declared = requirements.of(formKey, number);
            if (declared.isPresent()) {
                EvidenceKind kind = declared.get().kind();
                if (sealed.stream().noneMatch(piece -> piece.kind() == kind
                        && Integer.valueOf(number).equals(piece.measureNumber()))) {
                    problems.add(label("gate.evidence.notSealed", locale -> new Object[] {number, measure,
                            UserMessages.render(locale, "evidence.kind." + kind.name())}));
                }
                continue;
            }
            for (FormField column : evidenceColumns) {
                if (isBlank(row.path(column.name()))) {
                    problems.add(label("gate.evidence.noColumnValue", locale -> new Object[] {number, measure,
                            column.label().text(locale)}));
                }
            }
        }
        return problems;
    }

    private static boolean isBlank(JsonNode value) {
        return value.isMissingNode() || value.isNull() || (value.isString() && value.asString().isBlank())
                || (value.isContainer() && value.isEmpty());
    }

    private static String quote(String measure) {
        String text = measure.strip();
        return text.codePointCount(0, text.length()) <= QUOTED_LENGTH ? text
                : text.substring(0, text.offsetByCodePoints(0, QUOTED_LENGTH)) + "…";
    }
}
