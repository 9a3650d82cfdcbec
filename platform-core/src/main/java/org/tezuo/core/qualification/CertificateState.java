package org.tezuo.core.qualification;

/** State of one certificate, derived from its dates and the last registry result. */
public enum CertificateState {
    /** 有效: valid, no review due within the warning window. */
    VALID("有效", "Valid"),
    /** 临近复审: a review or the validity end falls within the warning window. */
    REVIEW_DUE_SOON("临近复审", "Review due soon"),
    /** 逾期未复审: the review due date has passed and no review is recorded; the registry has not yet confirmed. */
    REVIEW_OVERDUE("逾期未复审", "Review overdue"),
    /** 已过期: past 24:00 of the printed last day of validity in the tenant's zone. */
    EXPIRED("已过期", "Expired"),
    /** 已失效: invalid, because the registry reports it so or confirms that the review was not done in time. */
    INVALID("已失效", "Invalid"),
    /** 核验不一致: the ledger and the registry disagree on a key field. */
    REGISTRY_MISMATCH("核验不一致", "Registry mismatch");

    private final String zh;
    private final String en;

    CertificateState(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    public String zh() {
        return zh;
    }

    public String en() {
        return en;
    }

    /** Returns whether a holder in this state may be named on a permit. */
    public boolean permitsWork() {
        return this == VALID || this == REVIEW_DUE_SOON;
    }
}
