package org.tezuo.app.permit;

/** An approver's re-confirmation of one risk item before approving. */
public enum RiskConfirmationDecision {
    /** 已现场核查: checked on site, the control measure is in place. */
    VERIFIED_ON_SITE("已现场核查", "Verified on site"),
    /** 已升级管控: escalated, extra control measures ordered. */
    ESCALATED("已升级管控", "Escalated control");

    private final String zh;
    private final String en;

    RiskConfirmationDecision(String zh, String en) {
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
