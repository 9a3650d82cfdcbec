package org.tezuo.core.pack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.tezuo.core.CoreTestApplication;
import org.tezuo.core.metadata.MetadataStore;
import org.tezuo.core.tenant.Tenant;
import org.tezuo.core.tenant.TenantDirectory;
import org.tezuo.metadata.MetadataKind;

/**
 * Two Spring contexts on one PostgreSQL database stand for two app nodes: a pack applied on the first reaches the
 * compiled rules of the second through LISTEN/NOTIFY.
 */
class PolicyChangeListenerTest {

    private static ConfigurableApplicationContext first;
    private static ConfigurableApplicationContext second;

    @BeforeAll
    static void startNodes() {
        first = node();
        second = node();
    }

    @AfterAll
    static void stopNodes() {
        second.close();
        first.close();
    }

    private static ConfigurableApplicationContext node() {
        return new SpringApplicationBuilder(CoreTestApplication.class)
                .web(WebApplicationType.NONE)
                .properties("tezuo.packs.trusted-keys=" + PackFixture.TRUSTED_DIRECTORY,
                        "tezuo.packs.activation-check=0s")
                .run();
    }

    private static int windLimit(long tenantId) {
        return ((Number) second.getBean(ActivePolicy.class).snapshot(tenantId).rulesets().get("wind").ruleset()
                .thresholds().get("maxLevel").value()).intValue();
    }

    @Test
    @DisplayName("The second node evaluates with the new threshold shortly after the first node applied a pack")
    void secondNodeFollowsTheFirst() throws InterruptedException {
        Tenant tenant = first.getBean(TenantDirectory.class).create("nodes-" + UUID.randomUUID(), "双节点测试企业", null,
                ZoneId.of("Asia/Shanghai"));
        first.getBean(MetadataStore.class).saveAndPublish(tenant.id(), MetadataKind.RULESET, "wind",
                PackFixture.JSON.readTree(PackFixture.ruleset(6)), "engineer");
        assertThat(windLimit(tenant.id())).isEqualTo(6);

        first.getBean(PolicyPackApplier.class).apply(tenant.id(), PackFixture.bytes(PackFixture.pack("2023.1",
                "2023-04-01", PackFixture.ruleset(5), root -> { })), "director", Locale.SIMPLIFIED_CHINESE);
        long appliedAt = System.nanoTime();
        // NOTE: the wait allows far more than the one second a change normally takes, so a loaded machine does not
        // fail the test. The test prints the elapsed time.
        long deadline = appliedAt + Duration.ofSeconds(20).toNanos();
        while (windLimit(tenant.id()) != 5 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }

        assertThat(windLimit(tenant.id())).isEqualTo(5);
        System.out.printf("Second node saw the new threshold after %d ms%n",
                Duration.ofNanos(System.nanoTime() - appliedAt).toMillis());
    }
}
