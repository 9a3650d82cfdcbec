package org.tezuo.core.qualification.verification;

import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.tezuo.core.connector.registry.CertificateRegistryClient;
import org.tezuo.core.connector.registry.CertificateRegistryClientFactory;
import org.tezuo.core.connector.registry.HttpCertificateRegistryClient;

/**
 * Replaces the registry client factory with HTTP clients that can stop a run as a killed process would: after a
 * set number of lookups the next one throws {@link SimulatedCrash}, which no verification code catches, or an
 * unexpected runtime exception.
 */
@TestConfiguration(proxyBeanMethods = false)
public class CrashingRegistryConfiguration {

    /** The crash that simulates a killed process. */
    public static final class SimulatedCrash extends Error {

        SimulatedCrash() {
            super("simulated crash of the app node");
        }
    }

    /** Counts lookups down to the crash; off until {@link #crashOnLookup(int)} is called. */
    public static final class CrashSwitch {

        private final AtomicInteger lookupsLeft = new AtomicInteger(-1);
        private volatile boolean crashIsError = true;

        /** Makes lookup number {@code lookup} (1-based, counted from now) crash; later lookups pass again. */
        public void crashOnLookup(int lookup) {
            crashIsError = true;
            lookupsLeft.set(lookup);
        }

        /** Makes lookup number {@code lookup} throw an unexpected runtime exception, as a bug would. */
        public void failOnLookup(int lookup) {
            crashIsError = false;
            lookupsLeft.set(lookup);
        }

        public void off() {
            lookupsLeft.set(-1);
        }

        void beforeLookup() {
            if (lookupsLeft.getAndUpdate(left -> left > 0 ? left - 1 : left) == 1) {
                if (crashIsError) {
                    throw new SimulatedCrash();
                }
                throw new IllegalStateException("simulated bug in a registry client");
            }
        }
    }

    @Bean
    CrashSwitch crashSwitch() {
        return new CrashSwitch();
    }

    @Bean
    CertificateRegistryClientFactory crashingRegistryClientFactory(CrashSwitch crashSwitch) {
        return definition -> {
            CertificateRegistryClient http = new HttpCertificateRegistryClient(definition);
            return query -> {
                crashSwitch.beforeLookup();
                return http.find(query);
            };
        };
    }
}
