package org.tezuo.core.connector.weather;

import org.tezuo.core.i18n.LocalizedException;
import org.tezuo.core.i18n.MessageBundle;

/** Thrown when weather data cannot be fetched or a provider payload has a missing or invalid field. */
public final class WeatherDataException extends LocalizedException {

    static final String BUNDLE = "org.tezuo.core.connector.weather.messages";

    public WeatherDataException(String messageKey, Object... arguments) {
        super(new MessageBundle(BUNDLE), messageKey, arguments);
    }
}
