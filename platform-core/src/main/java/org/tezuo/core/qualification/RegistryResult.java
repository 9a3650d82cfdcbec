package org.tezuo.core.qualification;

/** Outcome of the last check of a certificate against the national registry. */
public enum RegistryResult {
    /** 核验一致: the registry has the certificate and it matches the ledger. */
    VERIFIED("核验一致"),
    /** 核验不一致: the registry has the certificate but a key field differs. */
    MISMATCH("核验不一致"),
    /** 查无此证: the registry responded and has no such certificate. */
    NOT_FOUND("查无此证"),
    /** 证书已失效: the registry reports the certificate as invalid, revoked or cancelled. */
    INVALID_IN_REGISTRY("登记状态为失效"),
    /** 未能核验: the registry returned no usable response (error, time-out), so the certificate's state stays as it was. */
    UNVERIFIABLE("未能核验");

    private final String zh;

    RegistryResult(String zh) {
        this.zh = zh;
    }

    public String zh() {
        return zh;
    }
}
