package org.tezuo.core.config;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans the core needs from its host application, with defaults a host can replace. */
@Configuration(proxyBeanMethods = false)
public class CoreConfiguration {

    /** Returns the clock every time-dependent rule reads. Tests replace it to pin "now". */
    @Bean
    @ConditionalOnMissingBean
    public Clock clock() {
        return Clock.systemUTC();
    }
}
