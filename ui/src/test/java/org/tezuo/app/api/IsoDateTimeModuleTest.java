package org.tezuo.app.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.json.JsonMapper;

class IsoDateTimeModuleTest {

    private static final JsonMapper JSON = JsonMapper.builder().addModule(new IsoDateTimeModule()).build();

    record Body(@Nullable OffsetDateTime until, @Nullable Instant at, @Nullable LocalDate on, int count,
            @Nullable BigDecimal level) {
    }

    private static InvalidFormatException rejection(String body) {
        return catchThrowableOfType(InvalidFormatException.class, () -> JSON.readValue(body, Body.class));
    }

    @Test
    @DisplayName("ISO-8601 text is read, and numbers still go into number fields")
    void readsIsoTextAndNumbers() {
        Body body = JSON.readValue("""
                {"until": "2026-12-05T14:00:00+08:00", "at": "2026-12-05T06:00:00Z", "on": "2026-12-05",
                 "count": 12, "level": 10.5}""", Body.class);

        assertThat(body.until()).isEqualTo(OffsetDateTime.parse("2026-12-05T14:00:00+08:00"));
        assertThat(body.at()).isEqualTo(Instant.parse("2026-12-05T06:00:00Z"));
        assertThat(body.on()).isEqualTo(LocalDate.of(2026, 12, 5));
        assertThat(body.count()).isEqualTo(12);
        assertThat(body.level()).isEqualByComparingTo("10.5");
    }

    @Test
    void numberForOffsetDateTimeIsRejected() {
        InvalidFormatException rejection = rejection("{\"until\": 12}");

        assertThat(rejection).isNotNull();
        assertThat(rejection.getValue()).isEqualTo(12);
        assertThat(rejection.getTargetType()).isEqualTo(OffsetDateTime.class);
        assertThat(rejection.getPath()).extracting(reference -> reference.getPropertyName()).containsExactly("until");
    }

    @Test
    void decimalForInstantIsRejected() {
        InvalidFormatException rejection = rejection("{\"at\": 1764900000.5}");

        assertThat(rejection).isNotNull();
        assertThat(rejection.getValue()).hasToString("1764900000.5");
        assertThat(rejection.getTargetType()).isEqualTo(Instant.class);
    }

    @Test
    void digitsOnlyTextIsRejected() {
        InvalidFormatException rejection = rejection("{\"until\": \"12\"}");

        assertThat(rejection).isNotNull();
        assertThat(rejection.getValue()).isEqualTo("12");
    }

    @Test
    void numberForLocalDateIsRejected() {
        InvalidFormatException rejection = rejection("{\"on\": 20}");

        assertThat(rejection).isNotNull();
        assertThat(rejection.getTargetType()).isEqualTo(LocalDate.class);
    }
}
