package org.tezuo.core.qualification;

/** Outcome of the last check of a certificate against the national registry. */
public enum RegistryResult {
    /** 核验一致: the registry holds the certificate and agrees with the ledger. */
    VERIFIED("核验一致"),
    /** 核验不一致: the registry holds the certificate but a key field differs. */
    MISMATCH("核验不一致"),
    /** 查无此证: the registry answered and does not know the certificate. */
    NOT_FOUND("查无此证"),
    /** 证书已失效: the registry reports the certificate as invalid, revoked or cancelled. */
    INVALID_IN_REGISTRY("登记状态为失效"),
    /** 未能核验: the registry did not answer usefully (error, time-out); never changes the certificate's state. */
    UNVERIFIABLE("未能核验");

    private final String zh;

    RegistryResult(String zh) {
        this.zh = zh;
    }

    public String zh() {
        return zh;
    }
}
