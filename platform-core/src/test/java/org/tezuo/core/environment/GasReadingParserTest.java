package org.tezuo.core.environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class GasReadingParserTest {

    private final GasReadingParser parser = new GasReadingParser(ZoneId.of("Asia/Shanghai"));

    @Test
    void readingWithoutOffsetIsInTenantZone() {
        List<GasReading> readings = parser.parse("""
                [{"detectorId": "GD-01", "measuredAt": "2026-12-04T08:45", "oxygenPercentVol": "20.9",
                  "coPpm": 3, "h2sPpm": 0, "flammable": {"value": 8, "unit": "%LEL", "gas": "LNG"},
                  "calibratedOn": "2026-10-01"}]""");

        GasReading reading = readings.getFirst();
        assertThat(reading.measuredAt()).isEqualTo(OffsetDateTime.parse("2026-12-04T08:45+08:00"));
        assertThat(reading.oxygenPercentVol()).isEqualByComparingTo("20.9");
        assertThat(reading.flammable()).isEqualTo(new FlammableMeasurement(new BigDecimal("8"),
                FlammableUnit.PERCENT_LEL, "LNG"));
        assertThat(reading.sensorFault()).isFalse();
        assertThat(reading.calibratedOn()).isEqualTo(LocalDate.of(2026, 10, 1));
    }

    @Test
    void lngReadingConvertsAsMethane() {
        FlammableMeasurement lng = new FlammableMeasurement(new BigDecimal("8"), FlammableUnit.PERCENT_LEL, "LNG");

        assertThat(LowerExplosiveLimits.toPercentVol(lng)).hasValueSatisfying(
                value -> assertThat(value).isEqualByComparingTo("0.4"));
    }

    @Test
    void unknownGasInLelCannotConvert() {
        FlammableMeasurement unknown = new FlammableMeasurement(BigDecimal.TEN, FlammableUnit.PERCENT_LEL, "二甲醚");

        assertThat(LowerExplosiveLimits.toPercentVol(unknown)).isEmpty();
    }

    @Test
    void invalidConcentrationNamesFieldAndValue() {
        assertThatThrownBy(() -> parser.parse("""
                [{"detectorId": "GD-01", "measuredAt": "2026-12-04T08:45"},
                 {"detectorId": "GD-02", "measuredAt": "2026-12-04T08:45", "coPpm": "约3"}]"""))
                .isInstanceOfSatisfying(GasReadingException.class, error -> assertThat(
                        error.message(Locale.SIMPLIFIED_CHINESE))
                        .isEqualTo("气体检测数据字段 [1].coPpm 的值“约3”不是有效浓度；应为非负数字，例如 20.9"));
    }

    @Test
    void unknownFlammableUnitIsRejected() {
        assertThatThrownBy(() -> parser.parse("""
                {"detectorId": "GD-01", "measuredAt": "2026-12-04T08:45",
                 "flammable": {"value": 8, "unit": "ppm", "gas": "methane"}}"""))
                .isInstanceOf(GasReadingException.class)
                .hasMessage("The gas-reading field flammable.unit has the unit \"ppm\", which is not recognised; "
                        + "flammable-gas units are %LEL or %VOL");
    }

    @Test
    void missingMeasuredAtIsRejected() {
        assertThatThrownBy(() -> parser.parse("{\"detectorId\": \"GD-01\"}"))
                .isInstanceOfSatisfying(GasReadingException.class, error -> assertThat(
                        error.message(Locale.SIMPLIFIED_CHINESE)).isEqualTo("气体检测数据缺少字段 measuredAt；请补充后重新提交"));
    }
}
