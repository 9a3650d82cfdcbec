package org.tezuo.core.connector.weather;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches current weather from QWeather {@code GET /v7/weather/now?location=…}. QWeather compresses responses
 * with gzip, so the client asks for gzip and decodes it. Thread-safe; one instance per settings.
 */
public final class QWeatherClient {

    private static final Logger log = LoggerFactory.getLogger(QWeatherClient.class);
    private static final String NOW_PATH = "/v7/weather/now";

    private final QWeatherSettings settings;
    private final HttpClient http;
    private final QWeatherPayloadParser parser = new QWeatherPayloadParser();

    public QWeatherClient(QWeatherSettings settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).build();
    }

    /**
     * Returns the current observation at {@code location}, a QWeather location id or "longitude,latitude".
     *
     * @throws WeatherDataException when the request times out or fails, the HTTP status is not 200, the provider
     *         code is not "200", or a field is missing or invalid
     */
    public WeatherObservation currentObservation(String location) {
        URI uri = URI.create(stripTrailingSlash(settings.baseUrl().toString()) + NOW_PATH + "?location="
                + URLEncoder.encode(location, StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(settings.requestTimeout())
                .header("X-QW-Api-Key", settings.apiKey())
                .header("Accept-Encoding", "gzip")
                .GET()
                .build();

        HttpResponse<byte[]> response = send(request, location);
        String body = decode(response);
        if (response.statusCode() != 200) {
            log.warn("QWeather returned HTTP {} for location {}", response.statusCode(), location);
            throw new WeatherDataException("weather.httpStatus", location, response.statusCode());
        }
        WeatherObservation observation = parser.parse(location, body);
        log.debug("QWeather observation for {} at {}: {} m/s, level {}", location, observation.observedAt(),
                observation.windSpeedMetresPerSecond(), observation.beaufortLevel());
        return observation;
    }

    private HttpResponse<byte[]> send(HttpRequest request, String location) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            log.warn("QWeather request for location {} timed out after {}", location, settings.requestTimeout());
            throw new WeatherDataException("weather.timeout", location, settings.baseUrl(),
                    settings.requestTimeout().toMillis());
        } catch (IOException e) {
            log.warn("QWeather request for location {} failed: {}", location, e.toString());
            throw new WeatherDataException("weather.unreachable", location, settings.baseUrl(), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WeatherDataException("weather.unreachable", location, settings.baseUrl(), e.toString());
        }
    }

    private static String decode(HttpResponse<byte[]> response) {
        boolean gzip = response.headers().firstValue("Content-Encoding")
                .map(encoding -> encoding.equalsIgnoreCase("gzip"))
                .orElse(false);
        if (!gzip) {
            return new String(response.body(), StandardCharsets.UTF_8);
        }
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(response.body()))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
