package org.tezuo.core.qualification;

import java.util.Locale;
import org.tezuo.core.i18n.UserMessages;

/** State of one certificate, derived from its dates and the last registry result. */
public enum CertificateState {
    /** 有效: valid, no review due within the warning window. */
    VALID,
    /** 临近复审: a review or the validity end falls within the warning window. */
    REVIEW_DUE_SOON,
    /** 逾期未复审: the review due date has passed and no review is recorded; the registry has not yet confirmed. */
    REVIEW_OVERDUE,
    /** 已过期: past 24:00 of the printed last day of validity in the tenant's zone. */
    EXPIRED,
    /** 已失效: invalid, because the registry reports it so or confirms that the review was not done in time. */
    INVALID,
    /** 核验不一致: the ledger and the registry disagree on a key field. */
    REGISTRY_MISMATCH,
    /** 已撤销（吊销）: revoked by the issuing authority; set by an administrator with a reason, never re-computed. */
    REVOKED,
    /** 已注销: cancelled (death, own request, after revocation); set by an administrator, never re-computed. */
    CANCELLED;

    /** Returns the state's display name in {@code locale}, such as 临近复审. */
    public String label(Locale locale) {
        return UserMessages.render(locale, "certificateState." + name());
    }

    /** Returns whether only an administrator sets this state, so date-based re-computation keeps it. */
    public boolean administrative() {
        return this == REVOKED || this == CANCELLED;
    }

    /** Returns whether a holder in this state may be named on a permit. */
    public boolean permitsWork() {
        return this == VALID || this == REVIEW_DUE_SOON;
    }
}
