package org.tezuo.core.qualification.warning;

/** Thrown when a warning id does not exist in the tenant. */
public final class WarningNotFoundException extends WarningException {

    public WarningNotFoundException(long warningId) {
        super("warning.notFound", String.valueOf(warningId));
    }
}
