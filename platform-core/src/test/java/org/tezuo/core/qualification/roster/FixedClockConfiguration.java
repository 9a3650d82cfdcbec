package org.tezuo.core.qualification.roster;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Pins "now" to 2026-12-04 10:00 in Shanghai for the roster tests, which share one Spring context. */
@TestConfiguration(proxyBeanMethods = false)
class FixedClockConfiguration {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final Instant NOW = Instant.parse("2026-12-04T02:00:00Z");

    @Bean
    @Primary
    Clock fixedClock() {
        return Clock.fixed(NOW, SHANGHAI);
    }
}
