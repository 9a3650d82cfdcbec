package org.tezuo.core.connector;

import org.tezuo.core.i18n.LocalizedException;
import org.tezuo.core.i18n.MessageBundle;

/**
 * Base of the connector exceptions users read, rendered from the connector message bundle
 * {@code org/tezuo/core/connector/messages*.properties}.
 */
public class ConnectorException extends LocalizedException {

    /** Bundle holding the messages of every connector package. */
    public static final String BUNDLE = "org.tezuo.core.connector.messages";

    public ConnectorException(String messageKey, Object... arguments) {
        super(new MessageBundle(BUNDLE), messageKey, arguments);
    }

    public ConnectorException(Throwable cause, String messageKey, Object... arguments) {
        super(new MessageBundle(BUNDLE), messageKey, arguments);
        initCause(cause);
    }
}
