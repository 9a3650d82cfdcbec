package org.tezuo.core.qualification.profile;

import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.tezuo.core.i18n.UserMessages;
import org.tezuo.core.qualification.RegistryResult;

/** A certificate's authenticity as the last registry check found it, in the three outcomes a site check needs. */
public enum Authenticity {
    /** 真实: the registry has the certificate and it matches the ledger. */
    AUTHENTIC,
    /** 不一致: the registry has no such certificate, reports it invalid, or a key field differs. */
    MISMATCH,
    /** 无法核验: never checked, or the registry returned no usable response. */
    NOT_VERIFIABLE;

    /** Groups a registry result; a certificate never checked is not verifiable. */
    public static Authenticity of(@Nullable RegistryResult result) {
        if (result == null) {
            return NOT_VERIFIABLE;
        }
        return switch (result) {
            case VERIFIED -> AUTHENTIC;
            case MISMATCH, NOT_FOUND, INVALID_IN_REGISTRY -> MISMATCH;
            case UNVERIFIABLE -> NOT_VERIFIABLE;
        };
    }

    /** Returns the display name in {@code locale}, such as 真实. */
    public String label(Locale locale) {
        return UserMessages.render(locale, "authenticity." + name());
    }
}
