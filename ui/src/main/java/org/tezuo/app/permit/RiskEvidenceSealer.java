package org.tezuo.app.permit;

import java.util.List;

/** Seals evidence to the risk item an approver confirms, inside the confirmation's transaction. */
public interface RiskEvidenceSealer {

    /**
     * Seals each piece of evidence to the risk item.
     *
     * @throws org.tezuo.core.i18n.LocalizedException when an evidence id is not one of the permit's evidence
     */
    void seal(Actor actor, Permit permit, String riskItemCode, List<Long> evidenceIds);
}
