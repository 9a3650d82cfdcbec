package org.tezuo.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.tezuo.core.audit.AuditLog;
import org.tezuo.core.connector.registry.RegistryStubServer;
import org.tezuo.core.metadata.MetadataStore;
import org.tezuo.core.qualification.verification.CertificateFixtures;
import org.tezuo.core.qualification.verification.MutableClock;
import org.tezuo.core.qualification.verification.PinnedClockConfiguration;
import org.tezuo.core.qualification.verification.VerificationRunStore;
import org.tezuo.core.tenant.Tenant;
import org.tezuo.metadata.MetadataKind;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest
@Import(PinnedClockConfiguration.class)
class ScheduleRegistrarTest {

    @Autowired
    ScheduleRegistrar registrar;

    @Autowired
    MetadataStore metadata;

    @Autowired
    CertificateFixtures fixtures;

    @Autowired
    VerificationRunStore runs;

    @Autowired
    JsonMapper json;

    @Autowired
    MutableClock clock;

    Tenant tenant;

    @BeforeEach
    void setUp() {
        clock.set("2026-03-01T02:00:00Z");
        tenant = fixtures.tenantWithLifecycle();
    }

    @AfterEach
    void cancelSchedules() {
        metadata.saveAndPublish(tenant.id(), MetadataKind.SCHEDULE, "nightly", json.readTree("""
                {"job": "certificate-verification", "cron": "0 0 2 * * *", "zone": "Asia/Shanghai",
                 "enabled": false}"""), "admin");
        registrar.refresh(tenant.id());
    }

    private void publish(String cron, String zone) {
        metadata.saveAndPublish(tenant.id(), MetadataKind.SCHEDULE, "nightly", json.readTree("""
                {"job": "certificate-verification", "cron": "%s", "zone": "%s"}""".formatted(cron, zone)), "admin");
    }

    @Test
    void nightlyScheduleFiresAtTwoInShanghai() {
        publish("0 0 2 * * *", "Asia/Shanghai");

        registrar.refresh(tenant.id());

        assertThat(registrar.registered(tenant.id())).singleElement().satisfies(schedule -> {
            assertThat(schedule.job()).isEqualTo(ScheduledJob.CERTIFICATE_VERIFICATION);
            assertThat(schedule.zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
            assertThat(registrar.nextRun(schedule)).contains(Instant.parse("2026-03-01T18:00:00Z"));
        });
    }

    @Test
    void newerVersionReplacesRegistration() {
        publish("0 0 2 * * *", "Asia/Shanghai");
        registrar.refresh(tenant.id());
        publish("0 30 3 * * *", "Asia/Shanghai");

        registrar.refresh(tenant.id());

        assertThat(registrar.registered(tenant.id())).singleElement().satisfies(schedule -> {
            assertThat(schedule.version()).isEqualTo(2);
            assertThat(registrar.nextRun(schedule)).contains(Instant.parse("2026-03-01T19:30:00Z"));
        });
    }

    @Test
    void disabledScheduleIsNotRegistered() {
        metadata.saveAndPublish(tenant.id(), MetadataKind.SCHEDULE, "nightly", json.readTree("""
                {"job": "certificate-warnings", "cron": "0 0 2 * * *", "zone": "Asia/Shanghai",
                 "enabled": false}"""), "admin");

        registrar.refresh(tenant.id());

        assertThat(registrar.registered(tenant.id())).isEmpty();
    }

    @Test
    void unknownZoneIsLeftOut() {
        publish("0 0 2 * * *", "Mars/Olympus");

        registrar.refresh(tenant.id());

        assertThat(registrar.registered(tenant.id())).isEmpty();
    }

    @Test
    void triggerRunsVerificationJob() throws IOException {
        try (RegistryStubServer registry = RegistryStubServer.start(0)) {
            fixtures.publishConnector(tenant.id(), "national-registry", "certificate-registry",
                    registry.baseUrl().toString(), "");
            publish("* * * * * *", "Asia/Shanghai");

            registrar.refresh(tenant.id());

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(runs.recent(tenant.id(), 1)).singleElement().satisfies(run ->
                            assertThat(run.actor()).isEqualTo(AuditLog.SYSTEM_ACTOR)));
        }
    }
}
