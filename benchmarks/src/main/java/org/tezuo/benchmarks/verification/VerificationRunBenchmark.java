package org.tezuo.benchmarks.verification;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tezuo.core.audit.AuditLog;
import org.tezuo.core.connector.registry.RegistryCertificateRecord;
import org.tezuo.core.connector.registry.RegistryStubServer;
import org.tezuo.core.metadata.MetadataStore;
import org.tezuo.core.qualification.verification.CertificateVerifier;
import org.tezuo.core.qualification.verification.LifecyclePolicyResolver;
import org.tezuo.core.qualification.verification.VerificationRun;
import org.tezuo.core.tenant.TenantDirectory;
import org.tezuo.metadata.MetadataKind;
import tools.jackson.databind.json.JsonMapper;

/**
 * Times one verification run of a tenant with many certificates against {@link RegistryStubServer} on 127.0.0.1,
 * which delays every response to stand in for a distant registry. Prints the run time, registry requests per second,
 * certificates per second and the peak heap used during the run.
 *
 * <p>Arguments: {@code [certificates] [maxConcurrentRequests] [responseDelayMs] [requestsPerSecond]}, defaults
 * 100000, 16, 20 and 1000. The database is named by the system property {@code tezuo.bench.db} (default
 * {@code jdbc:postgresql://127.0.0.1:5432/tz_bench_verify}); its {@code public} schema is dropped and created again.
 * One certificate in 100 has an operation item that the registry shows differently, so the run also writes
 * mismatches, state changes and anomalies.
 */
public final class VerificationRunBenchmark {

    private static final String LIFECYCLE_RULESET =
            "/org/tezuo/packs/special-operations/certificate-lifecycle.ruleset.json";
    private static final String ITEM = "熔化焊接与热切割作业";
    private static final LocalDate VALID_UNTIL = LocalDate.of(2030, 6, 30);

    private VerificationRunBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int certificates = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int inFlight = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        int delayMillis = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int requestsPerSecond = args.length > 3 ? Integer.parseInt(args[3]) : 1000;
        String url = System.getProperty("tezuo.bench.db", "jdbc:postgresql://127.0.0.1:5432/tz_bench_verify");
        String user = System.getProperty("tezuo.bench.user", "postgres");

        emptyPublicSchema(url, user);
        try (RegistryStubServer registry = RegistryStubServer.start(0);
                ConfigurableApplicationContext context = boot(url, user)) {
            long tenantId = setUpTenant(context, registry, inFlight, requestsPerSecond);
            long loadStart = System.nanoTime();
            insertLedger(context.getBean(JdbcClient.class), tenantId, certificates);
            fillRegistry(registry, certificates);
            System.out.printf(Locale.ROOT, "ledger and registry filled with %d certificates in %.1f s%n",
                    certificates, (System.nanoTime() - loadStart) / 1e9);

            registry.setResponseDelay(Duration.ofMillis(delayMillis));
            measure(context.getBean(CertificateVerifier.class), registry, tenantId, certificates, inFlight,
                    delayMillis, requestsPerSecond);
        }
    }

    private static void measure(CertificateVerifier verifier, RegistryStubServer registry, long tenantId,
            int certificates, int inFlight, int delayMillis, int requestsPerSecond) throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long heapBefore = memory.getHeapMemoryUsage().getUsed();
        AtomicLong peakHeap = new AtomicLong(heapBefore);
        Thread sampler = Thread.ofPlatform().daemon().name("heap-sampler").start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peakHeap.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        int requestsBefore = registry.requestCount();

        long start = System.nanoTime();
        VerificationRun run = verifier.verifyTenant(tenantId, AuditLog.SYSTEM_ACTOR);
        double seconds = (System.nanoTime() - start) / 1e9;
        sampler.interrupt();
        sampler.join();

        int requests = registry.requestCount() - requestsBefore;
        System.out.printf(Locale.ROOT, "certificates=%d inFlight=%d delayMs=%d requestsPerSecondLimit=%d "
                        + "cores=%d maxHeapMiB=%d%n", certificates, inFlight, delayMillis, requestsPerSecond,
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        System.out.printf(Locale.ROOT, "checked=%d unchanged=%d changed=%d unverifiable=%d mismatches=%d%n",
                run.checked(), run.unchanged(), run.changed().size(), run.unverifiable(), run.mismatches());
        System.out.printf(Locale.ROOT, "time=%.1f s requests=%d requests/s=%.1f certificates/s=%.1f%n", seconds,
                requests, requests / seconds, run.checked() / seconds);
        System.out.printf(Locale.ROOT, "heap used before=%d MiB peak during run=%d MiB (sampled every 50 ms)%n",
                heapBefore >> 20, peakHeap.get() >> 20);
        System.out.printf(Locale.ROOT, "load average after run: %s%n", loadAverage());
    }

    private static ConfigurableApplicationContext boot(String url, String user) {
        return new SpringApplicationBuilder(VerificationBenchmarkApplication.class)
                .web(WebApplicationType.NONE)
                // A config name of its own keeps the ui module's application.properties, which is on the class
                // path, from configuring an H2 database and the demo tenant.
                .properties("spring.config.name=tezuo-benchmark",
                        "spring.datasource.url=" + url,
                        "spring.datasource.username=" + user,
                        "spring.datasource.hikari.maximum-pool-size=20",
                        "spring.liquibase.change-log=classpath:db/changelog/db.changelog-master.yaml",
                        "spring.autoconfigure.exclude=com.vaadin.flow.spring.SpringBootAutoConfiguration,"
                                + "com.vaadin.flow.spring.SpringSecurityAutoConfiguration,"
                                + "com.vaadin.flow.spring.VaadinScopesConfig",
                        // Flowable is on the class path through the ui module; verification does not use it.
                        "flowable.database-schema-update=true",
                        "flowable.async-executor-activate=false",
                        "flowable.check-process-definitions=false",
                        "spring.main.banner-mode=off",
                        "logging.level.root=warn")
                .run();
    }

    private static long setUpTenant(ConfigurableApplicationContext context, RegistryStubServer registry,
            int inFlight, int requestsPerSecond) throws IOException {
        JsonMapper json = context.getBean(JsonMapper.class);
        long tenantId = context.getBean(TenantDirectory.class)
                .create("bench-" + System.nanoTime(), "核验基准测试企业", null, ZoneId.of("Asia/Shanghai")).id();
        MetadataStore metadata = context.getBean(MetadataStore.class);
        try (InputStream ruleset = VerificationRunBenchmark.class.getResourceAsStream(LIFECYCLE_RULESET)) {
            if (ruleset == null) {
                throw new IllegalStateException("Lifecycle ruleset not on the class path: " + LIFECYCLE_RULESET);
            }
            metadata.saveAndPublish(tenantId, MetadataKind.RULESET, LifecyclePolicyResolver.RULESET_KEY,
                    json.readTree(new String(ruleset.readAllBytes(), StandardCharsets.UTF_8)), "bench");
        }
        metadata.saveAndPublish(tenantId, MetadataKind.CONNECTOR, "national-registry", json.readTree("""
                {"type": "certificate-registry", "baseUrl": "%s", "readTimeoutMs": 5000,
                 "requestsPerSecond": %d, "maxConcurrentRequests": %d}""".formatted(registry.baseUrl(),
                requestsPerSecond, inFlight)), "bench");
        return tenantId;
    }

    /** Inserts one person and one valid welding certificate per index, with set-based SQL. */
    private static void insertLedger(JdbcClient jdbc, long tenantId, int certificates) {
        jdbc.sql("""
                insert into person (tenant_id, name, gender, id_number, org_unit, position, created_at, updated_at)
                select ?, '工人' || i, '男', '110101' || lpad(i::text, 12, '0'), '一车间', '焊工', now(), now()
                from generate_series(1, ?) as i""")
                .params(tenantId, certificates)
                .update();
        jdbc.sql("""
                insert into certificate (tenant_id, person_id, cert_number, category, item, first_issued_on,
                    first_issued_precision, valid_from, valid_until, valid_until_precision, review_due_on,
                    review_done_on, issuer, state, created_at, updated_at)
                select tenant_id, id, 'T' || id_number, '焊接与热切割作业', ?, date '2024-06-30', 'DAY',
                    date '2024-07-01', ?, 'DAY', date '2027-06-30', null, '某市应急管理局', 'VALID', now(), now()
                from person where tenant_id = ?""")
                .params(ITEM, VALID_UNTIL, tenantId)
                .update();
    }

    private static void fillRegistry(RegistryStubServer registry, int certificates) {
        for (int i = 1; i <= certificates; i++) {
            String idNumber = "110101" + String.format(Locale.ROOT, "%012d", i);
            String item = i % 100 == 0 ? "气割作业" : ITEM;
            registry.put(idNumber, new RegistryCertificateRecord("T" + idNumber, "工人" + i, "男", "焊接与热切割作业",
                    item, LocalDate.of(2024, 6, 30), LocalDate.of(2024, 7, 1), VALID_UNTIL,
                    LocalDate.of(2027, 6, 30), null, "某市应急管理局", "有效"));
        }
    }

    private static void emptyPublicSchema(String url, String user) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, user,
                System.getProperty("tezuo.bench.password", ""));
                Statement statement = connection.createStatement()) {
            statement.execute("drop schema if exists public cascade");
            statement.execute("create schema public");
        }
    }

    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
