package org.tezuo.core.entity;

import java.util.Locale;
import org.tezuo.core.i18n.LocalizedException;
import org.tezuo.core.i18n.UserMessages;

/**
 * Rejects a field type change that would alter stored values. The message names the field, both types, the number
 * of rows affected, a sample record with its value and the reason, such as rounding or text that is not a number.
 */
public final class LossyConversionException extends LocalizedException {

    private static final String KEY = "entity.migration.lossyConversion";

    private final String reasonKey;

    LossyConversionException(String field, String fromType, String toType, long affectedRows, long sampleId,
            String sampleValue, String reasonKey) {
        super(KEY, field, fromType, toType, affectedRows, String.valueOf(sampleId), sampleValue, reasonKey);
        this.reasonKey = reasonKey;
    }

    @Override
    public String message(Locale locale) {
        Object[] arguments = arguments();
        arguments[arguments.length - 1] = UserMessages.render(locale, reasonKey);
        return UserMessages.render(locale, KEY, arguments);
    }

    @Override
    public String getMessage() {
        return message(Locale.ENGLISH);
    }
}
