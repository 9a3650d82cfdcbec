package org.tezuo.core.schedule;

import java.util.Locale;
import org.tezuo.core.i18n.LocalizedException;
import org.tezuo.core.i18n.UserMessages;

/** Thrown when a schedule document names an unknown zone or an invalid cron expression. */
public final class InvalidScheduleException extends LocalizedException {

    static final String BUNDLE = "org.tezuo.core.schedule.messages";

    public InvalidScheduleException(String messageKey, Object... arguments) {
        super(messageKey, arguments);
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
