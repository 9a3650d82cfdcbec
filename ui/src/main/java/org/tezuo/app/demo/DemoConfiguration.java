package org.tezuo.app.demo;

import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans of demo mode, active when {@code tezuo.demo.enabled=true} (the default of the run command). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "tezuo.demo.enabled", havingValue = "true")
class DemoConfiguration {

    @Bean
    DemoStubs demoStubs(@Value("${TEZUO_WEATHER_API_KEY:}") String weatherApiKey, Clock clock) {
        return new DemoStubs(weatherApiKey, clock);
    }
}
