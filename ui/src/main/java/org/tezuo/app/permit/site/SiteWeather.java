package org.tezuo.app.permit.site;

import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.tezuo.core.connector.ConnectorDefinition;
import org.tezuo.core.connector.ConnectorDirectory;
import org.tezuo.core.connector.ConnectorType;
import org.tezuo.core.connector.weather.QWeatherClient;
import org.tezuo.core.connector.weather.QWeatherSettings;
import org.tezuo.core.connector.weather.WeatherDataException;
import org.tezuo.core.connector.weather.WeatherObservation;

/**
 * Reads the current observation of a tenant's weather connector for site checks. A missing connector or a failed
 * request yields no observation, which the rulesets treat as missing live data.
 */
@Component
class SiteWeather {

    private static final Logger log = LoggerFactory.getLogger(SiteWeather.class);

    private final ConnectorDirectory connectors;

    SiteWeather(ConnectorDirectory connectors) {
        this.connectors = connectors;
    }

    // NOTE: PermitRiskAssessor reads the connector the same way for submissions; the two should share one reader.
    Optional<WeatherObservation> current(long tenantId) {
        ConnectorDefinition connector = connectors.findByType(tenantId, ConnectorType.WEATHER).orElse(null);
        if (connector == null) {
            log.debug("Tenant {} has no weather connector", tenantId);
            return Optional.empty();
        }
        String keyVariable = connector.credentials().apiKeyEnv();
        String apiKey = keyVariable == null ? "" : System.getenv().getOrDefault(keyVariable,
                System.getProperty(keyVariable.toLowerCase(Locale.ROOT).replace('_', '.'), ""));
        QWeatherSettings settings = new QWeatherSettings(connector.baseUrl(), apiKey, connector.connectTimeout(),
                connector.readTimeout());
        try {
            return Optional.of(new QWeatherClient(settings)
                    .currentObservation(connector.location() == null ? "" : connector.location()));
        } catch (WeatherDataException e) {
            log.warn("Weather connector {}@{} failed for tenant {} during a site check: {}", connector.key(),
                    connector.version(), tenantId, e.toString());
            return Optional.empty();
        }
    }
}
