package org.tezuo.core.connector.plant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tezuo.core.connector.ConnectorDefinition;
import org.tezuo.core.connector.ConnectorType;
import org.tezuo.core.environment.FlammableUnit;
import org.tezuo.core.environment.GasReading;

/** Reads the plant-gateway format from the loopback stub and turns detector readings into gas readings. */
class PlantGatewayClientTest {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 12, 5, 10, 0, 0, 0, ZoneOffset.ofHours(8));

    private final PlantGatewayStubServer stub = PlantGatewayStubServer.start();

    @AfterEach
    void stop() {
        stub.close();
    }

    private PlantGatewayClient client() {
        return new PlantGatewayClient(new ConnectorDefinition("gds", 1, ConnectorType.GAS_DETECTION_SYSTEM,
                stub.baseUrl(), ConnectorDefinition.Credentials.NONE, Duration.ofMillis(500), Duration.ofMillis(500),
                null, null), variable -> null);
    }

    @Test
    void readsTheLatestReadingOfKnownTagsOnly() {
        stub.setReading("GT-1101", "甲烷", "%LEL", "12.5", false, NOW.minusMinutes(1));
        stub.setReading("AT-1102", "H2S", "ppm", "3", false, NOW.minusMinutes(1));

        List<FixedDetectorReading> readings = client().detectorReadings(List.of("GT-1101", "AT-1102", "GT-9999"));

        assertThat(readings).extracting(FixedDetectorReading::tag).containsExactly("GT-1101", "AT-1102");
        GasReading methane = readings.getFirst().toGasReading(NOW, Duration.ofMinutes(5));
        assertThat(methane.sensorFault()).isFalse();
        assertThat(methane.flammable().unit()).isEqualTo(FlammableUnit.PERCENT_LEL);
        assertThat(methane.flammable().value()).isEqualByComparingTo("12.5");
        assertThat(readings.get(1).toGasReading(NOW, Duration.ofMinutes(5)).h2sPpm()).isEqualByComparingTo("3");
    }

    @Test
    void faultyMissingOrStaleReadingsAreSensorFaults() {
        FixedDetectorReading faulty = new FixedDetectorReading("GT-1", "甲烷", "%LEL", BigDecimal.ZERO, "normal", true,
                NOW.minusMinutes(1));
        FixedDetectorReading empty = new FixedDetectorReading("GT-2", "甲烷", "%LEL", null, "normal", false,
                NOW.minusMinutes(1));
        FixedDetectorReading stale = new FixedDetectorReading("GT-3", "甲烷", "%LEL", BigDecimal.ZERO, "normal", false,
                NOW.minusMinutes(6));

        assertThat(List.of(faulty, empty, stale)).allSatisfy(reading -> {
            GasReading gas = reading.toGasReading(NOW, Duration.ofMinutes(5));
            assertThat(gas.sensorFault()).isTrue();
            assertThat(gas.flammable()).isNull();
        });
        assertThat(stale.toGasReading(NOW, Duration.ofMinutes(5)).detectorId()).isEqualTo("GT-3（固定式，读数已过时）");
    }

    @Test
    void readsEquipmentStateAndAnswersNullForAnUnknownTag() {
        stub.setEquipmentState("P-101", "0.05", "closed", "locked-out", NOW);

        EquipmentState state = client().equipmentState("P-101");

        assertThat(state).isNotNull();
        assertThat(state.pressureMpa()).isEqualByComparingTo("0.05");
        assertThat(state.valvePosition()).isEqualTo("closed");
        assertThat(state.isolationStatus()).isEqualTo("locked-out");
        assertThat(state.observedAt()).isEqualTo(NOW);
        assertThat(client().equipmentState("P-999")).isNull();
    }

    @Test
    void outageRaisesAMessageNamingTheConnectorAndStatus() {
        stub.setOutage(true);

        assertThatThrownBy(() -> client().detectorReadings(List.of("GT-1101")))
                .isInstanceOfSatisfying(PlantGatewayException.class, e -> assertThat(
                        e.message(Locale.SIMPLIFIED_CHINESE)).contains("“gds”", "HTTP 503", "数据缺失"));
    }
}
