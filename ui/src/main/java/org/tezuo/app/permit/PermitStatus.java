package org.tezuo.app.permit;

/** The life-cycle state of a permit. */
public enum PermitStatus {
    /** 草稿: saved, not yet submitted. */
    DRAFT("草稿", "Draft"),
    /** 审批中: submitted and running through the approval chain. */
    IN_APPROVAL("审批中", "In approval"),
    /** 已挂起: a time limit of the safety sign-off passed; nobody can approve until the escalation target resumes it. */
    SUSPENDED("已挂起", "Suspended"),
    /** 已退回: returned to the applicant for changes. */
    RETURNED("已退回", "Returned"),
    /** 已驳回: rejected by an approver; a new permit is needed. */
    REJECTED("已驳回", "Rejected"),
    /** 已签发: approved by the last step; has a number and a QR e-permit. */
    ISSUED("已签发", "Issued"),
    /** 已取消: withdrawn or cancelled. */
    CANCELLED("已取消", "Cancelled");

    private final String zh;
    private final String en;

    PermitStatus(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    public String zh() {
        return zh;
    }

    public String en() {
        return en;
    }
}
