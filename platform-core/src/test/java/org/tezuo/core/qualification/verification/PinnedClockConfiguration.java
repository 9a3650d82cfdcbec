package org.tezuo.core.qualification.verification;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Replaces the clock with a {@link MutableClock} for the verification, warning and schedule tests. It is a top-level
 * class so that component scanning of other tests never picks it up.
 */
@TestConfiguration(proxyBeanMethods = false)
public class PinnedClockConfiguration {

    @Bean
    @Primary
    MutableClock pinnedClock() {
        return new MutableClock();
    }
}
