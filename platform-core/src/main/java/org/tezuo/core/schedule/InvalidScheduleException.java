package org.tezuo.core.schedule;

import org.tezuo.core.i18n.LocalizedException;
import org.tezuo.core.i18n.MessageBundle;

/** Thrown when a schedule document names an unknown zone or an invalid cron expression. */
public final class InvalidScheduleException extends LocalizedException {

    static final String BUNDLE = "org.tezuo.core.schedule.messages";

    public InvalidScheduleException(String messageKey, Object... arguments) {
        super(new MessageBundle(BUNDLE), messageKey, arguments);
    }
}
