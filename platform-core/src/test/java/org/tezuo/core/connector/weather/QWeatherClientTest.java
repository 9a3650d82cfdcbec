package org.tezuo.core.connector.weather;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QWeatherClientTest {

    private static final OffsetDateTime OBSERVED = OffsetDateTime.parse("2026-12-04T09:40+08:00");

    private final QWeatherStubServer stub = QWeatherStubServer.start("test-key");
    private final QWeatherClient client = new QWeatherClient(new QWeatherSettings(stub.baseUrl(), "test-key",
            Duration.ofSeconds(2), Duration.ofSeconds(5)));

    @AfterEach
    void stopStub() {
        stub.close();
    }

    @Test
    void observationIsConvertedToMetresPerSecond() {
        stub.setObservation("30", "5", "-3", "41", OBSERVED);

        WeatherObservation observation = client.currentObservation("101010100");

        assertThat(observation.windSpeedMetresPerSecond()).isEqualByComparingTo("8.33");
        assertThat(observation.beaufortLevel()).isEqualTo(5);
        assertThat(observation.temperatureCelsius()).isEqualByComparingTo("-3");
        assertThat(observation.humidityPercent()).isEqualByComparingTo("41");
        assertThat(observation.observedAt()).isEqualTo(OBSERVED);
        assertThat(stub.lastLocation()).isEqualTo("101010100");
    }

    @Test
    void speedLevelAboveReportedLevelWins() {
        stub.setObservation("30", "3-4", "5", "60", OBSERVED);

        WeatherObservation observation = client.currentObservation("116.41,39.92");

        assertThat(observation.beaufortLevel()).isEqualTo(5);
        assertThat(stub.lastLocation()).isEqualTo("116.41,39.92");
    }

    @Test
    void reportedLevelWinsOverSlowerMeanSpeed() {
        stub.setObservation("20", "5级", "5", "60", OBSERVED);

        WeatherObservation observation = client.currentObservation("101010100");

        assertThat(observation.windSpeedMetresPerSecond()).isEqualByComparingTo("5.56");
        assertThat(observation.beaufortLevel()).isEqualTo(5);
    }

    @ParameterizedTest(name = "{0} m/s is level {1}")
    @CsvSource({"0.2, 0", "0.3, 1", "5.4, 3", "5.5, 4", "7.9, 4", "7.95, 5", "8.0, 5", "10.7, 5", "10.8, 6",
            "13.9, 7", "17.2, 8", "20.7, 8", "56.1, 17"})
    void speedFallsIntoGbBand(String metresPerSecond, int level) {
        assertThat(BeaufortScale.levelOf(new BigDecimal(metresPerSecond))).isEqualTo(level);
    }

    @Test
    void providerErrorCodeIsReported() {
        stub.setResponse(200, "{\"code\":\"402\"}");

        assertThatThrownBy(() -> client.currentObservation("101010100"))
                .isInstanceOfSatisfying(WeatherDataException.class, error -> assertThat(
                        error.message(Locale.SIMPLIFIED_CHINESE)).isEqualTo(
                        "地点 101010100 的天气服务返回错误代码“402”（200 表示成功；204 无数据，401 认证失败，402 超出额度，"
                                + "404 地点不存在，429 请求过快）；请检查 API Key、地点和额度"));
    }

    @Test
    void invalidWindScaleNamesFieldAndValue() {
        stub.setObservation("30", "大风", "5", "60", OBSERVED);

        assertThatThrownBy(() -> client.currentObservation("101010100"))
                .isInstanceOfSatisfying(WeatherDataException.class, error -> assertThat(
                        error.message(Locale.SIMPLIFIED_CHINESE)).isEqualTo(
                        "天气数据字段 now.windScale 的值“大风”不是有效风力等级；应为 0 到 17 的等级，例如 5、3-4 或 5级"));
    }

    @Test
    void invalidWindSpeedNamesFieldAndValue() {
        stub.setObservation("fast", "5", "5", "60", OBSERVED);

        assertThatThrownBy(() -> client.currentObservation("101010100"))
                .isInstanceOf(WeatherDataException.class)
                .hasMessage("The weather data field now.windSpeed has the value \"fast\", which is not a valid "
                        + "number; expected a non-negative number such as 12");
    }

    @Test
    void wrongApiKeyIsHttpError() {
        QWeatherClient wrongKey = new QWeatherClient(new QWeatherSettings(stub.baseUrl(), "other-key",
                Duration.ofSeconds(2), Duration.ofSeconds(5)));

        assertThatThrownBy(() -> wrongKey.currentObservation("101010100"))
                .isInstanceOf(WeatherDataException.class)
                .hasMessage("The weather request for location 101010100 returned HTTP 401; check the API key and "
                        + "service URL");
    }
}
