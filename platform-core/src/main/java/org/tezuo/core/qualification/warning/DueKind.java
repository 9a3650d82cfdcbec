package org.tezuo.core.qualification.warning;

/** The date a warning counts down to. */
public enum DueKind {
    /** 应复审日期: the review due date, while the review is outstanding and falls before the validity end. */
    REVIEW,
    /** 有效期结束日期: the printed last day of validity. */
    VALIDITY_END
}
