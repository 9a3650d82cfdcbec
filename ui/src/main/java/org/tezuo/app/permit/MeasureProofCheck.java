package org.tezuo.app.permit;

import java.util.List;
import org.springframework.stereotype.Component;
import org.tezuo.app.permit.evidence.EvidenceRequirements;
import org.tezuo.app.permit.evidence.EvidenceRequirements.MeasureProof;
import org.tezuo.form.definition.FormDefinition;
import org.tezuo.form.definition.FormField;
import org.tezuo.form.definition.Label;
import tools.jackson.databind.JsonNode;

/**
 * Refuses to let an approver mark a risk item 已现场核查 when a safety measure of the permit that proves the item
 * ({@link EvidenceRequirements#proofsOf}) is 否 in its {@code applies} column. The applicant then states that the
 * control is not in place, so it cannot have been verified on site.
 */
@Component
class MeasureProofCheck {

    private static final String MEASURES = "safetyMeasures";
    private static final String APPLIES = "applies";

    private final PermitDrafter drafter;
    private final EvidenceRequirements requirements;

    MeasureProofCheck(PermitDrafter drafter, EvidenceRequirements requirements) {
        this.drafter = drafter;
        this.requirements = requirements;
    }

    /**
     * Checks that the risk item {@code itemCode}, number {@code itemNumber} in the permit's list, may be verified
     * on site.
     *
     * @throws RiskConfirmationRefusedException naming the first measure row that proves the item and is 否
     */
    void requireVerifiable(Permit permit, String itemCode, int itemNumber) {
        List<MeasureProof> proofs = requirements.proofsOf(permit.formKey(), itemCode);
        if (proofs.isEmpty()) {
            return;
        }
        FormDefinition form = drafter.formOf(permit);
        JsonNode rows = form.boundValue(MEASURES, permit.data());
        for (int index = 0; index < rows.size(); index++) {
            JsonNode row = rows.get(index);
            String measure = row.path("item").asString("");
            JsonNode applies = row.path(APPLIES);
            boolean answeredNo = applies.isBoolean() && !applies.asBoolean();
            if (answeredNo && proofs.stream().anyMatch(proof -> proof.matches(measure))) {
                throw new RiskConfirmationRefusedException("confirm.measureAnsweredNo", itemNumber, index + 1,
                        measure.strip(), columnLabel(form), itemText(permit, itemCode));
            }
        }
    }

    /** Returns the message of the permit's risk item {@code itemCode} in both languages, or its code. */
    private static Label itemText(Permit permit, String itemCode) {
        return permit.riskItems().stream()
                .filter(item -> item.code().equals(itemCode))
                .findFirst()
                .map(item -> new Label(item.messageZh(), item.messageEn()))
                .orElse(new Label(itemCode, itemCode));
    }

    /** Returns the label of the measures' {@code applies} column, such as 是否涉及, in both languages. */
    private static Label columnLabel(FormDefinition form) {
        return form.binding(MEASURES).flatMap(form::fieldAt)
                .flatMap(field -> field.child(APPLIES))
                .map(FormField::label)
                .orElseThrow();
    }
}
