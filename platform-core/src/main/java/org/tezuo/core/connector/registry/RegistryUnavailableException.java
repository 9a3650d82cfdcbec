package org.tezuo.core.connector.registry;

import org.tezuo.core.connector.ConnectorException;

/**
 * Thrown when the registry returned no usable response: it could not be reached, timed out, returned an error status or
 * a body that is not a certificate record. Verification treats the certificate as 未能核验.
 */
public final class RegistryUnavailableException extends ConnectorException {

    public RegistryUnavailableException(String messageKey, Object... arguments) {
        super(messageKey, arguments);
    }

    public RegistryUnavailableException(Throwable cause, String messageKey, Object... arguments) {
        super(cause, messageKey, arguments);
    }
}
