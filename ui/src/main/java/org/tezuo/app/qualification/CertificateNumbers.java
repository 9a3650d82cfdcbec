package org.tezuo.app.qualification;

import org.jspecify.annotations.Nullable;
import org.tezuo.app.security.CurrentUser;
import org.tezuo.app.security.Role;
import org.tezuo.core.privacy.IdNumberMask;

/**
 * Decides who reads certificate numbers in full. A special-operation certificate number is usually "T" followed by
 * the holder's ID number, so every user except a system administrator reads it masked like an ID number: the first
 * four and the last four digits stay readable, for example {@code T1101**********1234}. The same applies to any
 * text that may quote a number, such as a freeze reason or a registry detail.
 *
 * <p>System administrators read numbers in full on the person page, the profile page and over the REST API,
 * because they correct the ledger and compare it with the registry and the certificate card. Error messages of
 * lifecycle steps are masked for every user, administrators included, because they are also logged.
 */
public final class CertificateNumbers {

    private CertificateNumbers() {
    }

    /** Returns whether {@code user} reads certificate numbers in full. */
    public static boolean readsInFull(CurrentUser user) {
        return user.hasRole(Role.SYSTEM_ADMIN);
    }

    /** Returns {@code text} as {@code user} may read it: unchanged for a system administrator, masked otherwise. */
    public static @Nullable String forUser(CurrentUser user, @Nullable String text) {
        return readsInFull(user) ? text : IdNumberMask.mask(text);
    }

    /** Returns a certificate number, or other text that is never null, as {@code user} may read it. */
    public static String readable(CurrentUser user, String text) {
        String readable = forUser(user, text);
        return readable == null ? "" : readable;
    }
}
