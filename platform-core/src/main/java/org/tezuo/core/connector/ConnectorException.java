package org.tezuo.core.connector;

import org.tezuo.core.i18n.LocalizedException;

/**
 * Base of the connector exceptions users read, rendered from the connector message bundle
 * {@code org/tezuo/core/connector/messages*.properties}.
 */
public class ConnectorException extends LocalizedException {

    /** Bundle holding the messages of every connector package. */
    public static final String BUNDLE = "org.tezuo.core.connector.messages";

    public ConnectorException(String messageKey, Object... arguments) {
        super(BUNDLE, messageKey, arguments);
    }

    public ConnectorException(Throwable cause, String messageKey, Object... arguments) {
        super(BUNDLE, messageKey, arguments);
        initCause(cause);
    }
}
