package org.tezuo.core.connector.registry;

import org.jspecify.annotations.Nullable;
import org.tezuo.core.connector.ConnectorException;

/**
 * Thrown when the registry returned no usable response: it could not be reached, timed out, returned an error status or
 * a body that is not a certificate record. Verification treats the certificate as 未能核验.
 */
public final class RegistryUnavailableException extends ConnectorException {

    private final boolean transientFailure;

    public RegistryUnavailableException(String messageKey, Object... arguments) {
        super(messageKey, arguments);
        this.transientFailure = false;
    }

    public RegistryUnavailableException(Throwable cause, String messageKey, Object... arguments) {
        super(cause, messageKey, arguments);
        this.transientFailure = false;
    }

    private RegistryUnavailableException(boolean transientFailure, @Nullable Throwable cause, String messageKey,
            Object... arguments) {
        super(messageKey, arguments);
        this.transientFailure = transientFailure;
        if (cause != null) {
            initCause(cause);
        }
    }

    /**
     * Creates the exception for a failure that the same request may not meet again: a time-out, a connection error or
     * a 5xx status.
     */
    public static RegistryUnavailableException transientFailure(@Nullable Throwable cause,
            String messageKey, Object... arguments) {
        return new RegistryUnavailableException(true, cause, messageKey, arguments);
    }

    /** Returns whether a retry of the same request may succeed; false for a 4xx status or an unreadable body. */
    public boolean isTransient() {
        return transientFailure;
    }
}
