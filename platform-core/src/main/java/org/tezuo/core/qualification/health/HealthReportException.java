package org.tezuo.core.qualification.health;

import org.tezuo.core.i18n.LocalizedException;
import org.tezuo.core.i18n.MessageBundle;

/** Thrown when a report is requested for a month it cannot be generated for. */
public final class HealthReportException extends LocalizedException {

    public HealthReportException(String messageKey, Object... arguments) {
        super(new MessageBundle(HealthReportColumns.BUNDLE), messageKey, arguments);
    }
}
