package org.tezuo.core.connector.weather;

import java.util.Locale;
import org.tezuo.core.i18n.LocalizedException;
import org.tezuo.core.i18n.UserMessages;

/** Thrown when weather data cannot be fetched or a provider payload has a missing or invalid field. */
public final class WeatherDataException extends LocalizedException {

    static final String BUNDLE = "org.tezuo.core.connector.weather.messages";

    public WeatherDataException(String messageKey, Object... arguments) {
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
