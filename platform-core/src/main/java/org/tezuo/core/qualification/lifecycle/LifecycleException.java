package org.tezuo.core.qualification.lifecycle;

import org.tezuo.core.i18n.LocalizedException;
import org.tezuo.core.i18n.MessageBundle;

/** A rejected lifecycle change, with a message from this package's bundle naming the value and the fix. */
public class LifecycleException extends LocalizedException {

    static final String BUNDLE = "org.tezuo.core.qualification.lifecycle.messages";

    public LifecycleException(String messageKey, Object... arguments) {
        super(new MessageBundle(BUNDLE), messageKey, arguments);
    }
}
