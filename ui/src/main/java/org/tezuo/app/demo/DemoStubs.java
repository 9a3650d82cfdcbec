package org.tezuo.app.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.tezuo.core.connector.dooraccess.DoorAccessStubServer;
import org.tezuo.core.connector.plant.PlantGatewayStubServer;
import org.tezuo.core.connector.registry.RegistryStubServer;
import org.tezuo.core.connector.weather.QWeatherStubServer;

/**
 * The loopback stubs demo mode serves in place of the external systems. The registry and door-access stubs take
 * the ports the LNG template's connectors name (18091, 18093) when they are free, and any free port otherwise;
 * the weather stub and the plant-gateway stub (serving both the gas-detection-system and the equipment-state
 * connector) always take a free port. {@link DemoTenantSeeder} points the demo tenant's connector
 * documents at wherever the stubs listen.
 */
public final class DemoStubs implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DemoStubs.class);

    /** Port of the registry stub named by the template's connector document. */
    static final int REGISTRY_PORT = 18091;
    /** Port of the door-access stub named by the template's connector document. */
    static final int DOOR_ACCESS_PORT = 18093;

    private final RegistryStubServer registry;
    private final DoorAccessStubServer doorAccess;
    private final QWeatherStubServer weather;
    private final PlantGatewayStubServer plantGateway;
    private final Clock clock;
    private String windSpeedKilometresPerHour = "12";
    private String windScale = "2";

    DemoStubs(String weatherApiKey, Clock clock) {
        this.registry = startRegistry();
        this.doorAccess = startDoorAccess();
        this.weather = QWeatherStubServer.start(weatherApiKey);
        this.plantGateway = PlantGatewayStubServer.start();
        this.clock = clock;
        setCalmWeather(ZoneId.of("Asia/Shanghai"));
        log.info("Demo stubs listening: registry {}, door access {}, weather {}, plant gateway {}", registry.baseUrl(),
                doorAccess.baseUrl(), weather.baseUrl(), plantGateway.baseUrl());
    }

    public RegistryStubServer registry() {
        return registry;
    }

    public DoorAccessStubServer doorAccess() {
        return doorAccess;
    }

    public QWeatherStubServer weather() {
        return weather;
    }

    /** Returns the stub of the gas-detection system and equipment-state gateways. */
    public PlantGatewayStubServer plantGateway() {
        return plantGateway;
    }

    /** Sets a calm observation (12 km/h, level 2, 18 °C) taken now. */
    public void setCalmWeather(ZoneId zone) {
        setWeather("12", "2", zone);
    }

    /** Sets a windy observation: 30 km/h (8.3 m/s), level 5, taken now. */
    public void setWindyWeather(ZoneId zone) {
        setWeather("30", "5", zone);
    }

    /** Sets the wind of the observation, as QWeather strings (km/h and Beaufort text), taken now. */
    public synchronized void setWeather(String windSpeedKilometresPerHour, String windScale, ZoneId zone) {
        this.windSpeedKilometresPerHour = windSpeedKilometresPerHour;
        this.windScale = windScale;
        refreshObservationTime(zone);
    }

    /** Re-issues the current observation with the current time, so a long-running demo never serves stale data. */
    public synchronized void refreshObservationTime(ZoneId zone) {
        weather.setObservation(windSpeedKilometresPerHour, windScale, "18", "60", OffsetDateTime.now(clock.withZone(zone)));
    }

    @Override
    public void destroy() {
        registry.close();
        doorAccess.close();
        weather.close();
        plantGateway.close();
    }

    private static RegistryStubServer startRegistry() {
        try {
            try {
                return RegistryStubServer.start(REGISTRY_PORT, "/registry");
            } catch (BindException e) {
                log.info("Port {} is taken; the registry stub uses a free port", REGISTRY_PORT);
                return RegistryStubServer.start(0, "/registry");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static DoorAccessStubServer startDoorAccess() {
        try {
            try {
                return DoorAccessStubServer.start(DOOR_ACCESS_PORT, "/door-access");
            } catch (BindException e) {
                log.info("Port {} is taken; the door-access stub uses a free port", DOOR_ACCESS_PORT);
                return DoorAccessStubServer.start(0, "/door-access");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
