package org.tezuo.core.connector.weather;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Connection settings of the QWeather client.
 *
 * @param baseUrl the API host, for example {@code https://abc.qweatherapi.com}; the client appends
 *        {@code /v7/weather/now}
 * @param apiKey the API key, sent in the {@code X-QW-Api-Key} header and never logged
 * @param connectTimeout how long to wait for the TCP connection
 * @param requestTimeout how long to wait for the whole response
 */
public record QWeatherSettings(URI baseUrl, String apiKey, Duration connectTimeout, Duration requestTimeout) {

    public QWeatherSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
    }

    @Override
    public String toString() {
        return "QWeatherSettings[baseUrl=" + baseUrl + ", connectTimeout=" + connectTimeout + ", requestTimeout="
                + requestTimeout + "]";
    }
}
