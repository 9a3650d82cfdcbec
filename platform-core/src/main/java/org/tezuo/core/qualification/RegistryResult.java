package org.tezuo.core.qualification;

import java.util.Locale;
import org.tezuo.core.i18n.UserMessages;

/** Outcome of the last check of a certificate against the national registry. */
public enum RegistryResult {
    /** 核验一致: the registry has the certificate and it matches the ledger. */
    VERIFIED,
    /** 核验不一致: the registry has the certificate but a key field differs. */
    MISMATCH,
    /** 查无此证: the registry responded and has no such certificate. */
    NOT_FOUND,
    /** 证书已失效: the registry reports the certificate as invalid, revoked or cancelled. */
    INVALID_IN_REGISTRY,
    /** 未能核验: the registry returned no usable response (error, time-out), so the certificate's state stays as it was. */
    UNVERIFIABLE;

    /** Returns the result's display name in {@code locale}, such as 查无此证. */
    public String label(Locale locale) {
        return UserMessages.render(locale, "registryResult." + name());
    }
}
