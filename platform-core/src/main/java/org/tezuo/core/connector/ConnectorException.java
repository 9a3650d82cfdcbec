package org.tezuo.core.connector;

import java.util.Locale;
import org.tezuo.core.i18n.LocalizedException;
import org.tezuo.core.i18n.UserMessages;

/**
 * Base of the connector exceptions users read, rendered from the connector message bundle
 * {@code org/tezuo/core/connector/messages*.properties}.
 */
public class ConnectorException extends LocalizedException {

    /** Bundle holding the messages of every connector package. */
    public static final String BUNDLE = "org.tezuo.core.connector.messages";

    public ConnectorException(String messageKey, Object... arguments) {
        super(messageKey, arguments);
    }

    public ConnectorException(Throwable cause, String messageKey, Object... arguments) {
        super(messageKey, arguments);
        initCause(cause);
    }

    @Override
    public String message(Locale locale) {
        return UserMessages.render(BUNDLE, locale, messageKey(), arguments());
    }

    @Override
    public String getMessage() {
        return message(Locale.ENGLISH);
    }
}
