package org.tezuo.benchmarks.pack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.tezuo.core.metadata.MetadataStore;
import org.tezuo.core.pack.ActivePolicy;
import org.tezuo.core.pack.PackSignature;
import org.tezuo.core.pack.PackSigner;
import org.tezuo.core.pack.PolicyPackApplier;
import org.tezuo.core.pack.PolicyPackReader;
import org.tezuo.core.pack.TrustedPackKeys;
import org.tezuo.core.risk.RiskEvaluator;
import org.tezuo.core.rules.CompiledRuleset;
import org.tezuo.core.tenant.TenantDirectory;
import org.tezuo.metadata.DocumentChecksum;
import org.tezuo.metadata.MetadataKind;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Applies a signed pack whose ruleset has 1,000 rules on node 1. Each round measures the time from the start of the
 * apply until the first evaluation on node 1 uses the new thresholds, and until the first one on node 2 does.
 * Two Spring contexts on one PostgreSQL database stand for the two app nodes (node 2 follows through
 * LISTEN/NOTIFY). Then it restarts node 2's context and measures the time until its first evaluation, the cost of
 * the alternative to a pack: a restart.
 *
 * <p>Arguments: rounds (default 10), rules (default 1000). The database is named by the system property
 * {@code tezuo.bench.db} (default {@code jdbc:postgresql://127.0.0.1:5432/tz_bench_packs}); tables are created by
 * Liquibase when missing, and each run uses a tenant of its own.
 */
public final class PackApplyBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String KEY = "bench";
    private static final RiskEvaluator EVALUATOR = new RiskEvaluator();

    private PackApplyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int rules = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        String url = System.getProperty("tezuo.bench.db", "jdbc:postgresql://127.0.0.1:5432/tz_bench_packs");
        KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Path trusted = trustedDirectory(keys);

        ConfigurableApplicationContext first = boot(url, trusted);
        ConfigurableApplicationContext second = boot(url, trusted);
        long tenantId = first.getBean(TenantDirectory.class)
                .create("bench-packs-" + System.nanoTime(), "政策包基准测试企业", null, ZoneId.of("Asia/Shanghai")).id();
        first.getBean(MetadataStore.class).saveAndPublish(tenantId, MetadataKind.RULESET, KEY,
                ruleset(rules, 0), "bench");
        evaluate(first, tenantId, 0);
        evaluate(second, tenantId, 0);

        List<Long> applying = new ArrayList<>();
        List<Long> following = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            byte[] pack = pack(keys, round, rules);
            int expected = round;
            long start = System.nanoTime();
            CompletableFuture<Long> other = CompletableFuture.supplyAsync(() -> waitFor(second, tenantId, expected,
                    start));
            first.getBean(PolicyPackApplier.class).apply(tenantId, pack, "bench", Locale.SIMPLIFIED_CHINESE);
            long applied = System.nanoTime();
            evaluate(first, tenantId, expected);
            applying.add(System.nanoTime() - start);
            following.add(other.get());
            System.out.printf(Locale.ROOT, "round %d: node 1 %.1f ms (apply %.1f ms, first evaluation %.1f ms), "
                    + "node 2 %.1f ms%n", round, applying.getLast() / 1e6, (applied - start) / 1e6,
                    (start + applying.getLast() - applied) / 1e6, following.getLast() / 1e6);
        }

        second.close();
        long restartStart = System.nanoTime();
        ConfigurableApplicationContext restarted = boot(url, trusted);
        evaluate(restarted, tenantId, rounds);
        long restart = System.nanoTime() - restartStart;
        restarted.close();
        first.close();

        System.out.printf(Locale.ROOT, "rules=%d rounds=%d cores=%d maxHeapMiB=%d%n", rules, rounds,
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        System.out.printf(Locale.ROOT, "node 1 (applying): %s%n", summary(applying));
        System.out.printf(Locale.ROOT, "node 2 (following): %s%n", summary(following));
        System.out.printf(Locale.ROOT, "restart of node 2 until its first evaluation: %.0f ms; "
                        + "restart / node-2 median = %.0f, restart / node-1 median = %.0f%n", restart / 1e6,
                (double) restart / median(following), (double) restart / median(applying));
        System.out.printf(Locale.ROOT, "load average after run: %s%n", Files.readString(Path.of("/proc/loadavg"))
                .strip());
    }

    /**
     * Waits until node 2 has dropped its compiled rules and then evaluates once. Returns the time from {@code start}
     * until that evaluation used the new values. Each check is a map lookup, so the wait takes no CPU from node 1.
     */
    private static long waitFor(ConfigurableApplicationContext node, long tenantId, int expected, long start) {
        ActivePolicy policy = node.getBean(ActivePolicy.class);
        Integer before = policy.snapshot(tenantId).versions().get(KEY);
        while (policy.snapshot(tenantId).versions().get(KEY).equals(before) || !evaluate(node, tenantId, expected)) {
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (System.nanoTime() - start > 60_000_000_000L) {
                throw new IllegalStateException("node 2 did not see the pack within 60 s");
            }
        }
        return System.nanoTime() - start;
    }

    /** Evaluates the ruleset once with a value that only the new thresholds let pass; true when they do. */
    private static boolean evaluate(ConfigurableApplicationContext node, long tenantId, int expected) {
        CompiledRuleset ruleset = node.getBean(ActivePolicy.class).snapshot(tenantId).rulesets().get(KEY);
        boolean blocked = !EVALUATOR.evaluate(ruleset, Map.of("x", expected), null,
                List.of(), OffsetDateTime.now()).items().isEmpty();
        return !blocked;
    }

    /** A ruleset of {@code rules} rules, each blocking when {@code x} exceeds its own threshold of {@code level}. */
    private static ObjectNode ruleset(int rules, int level) {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("name").put("zh", "基准测试规则集").put("en", "Benchmark ruleset");
        body.putArray("variables").add("x");
        ObjectNode thresholds = body.putObject("thresholds");
        ArrayNode list = body.putArray("rules");
        for (int i = 0; i < rules; i++) {
            thresholds.putObject("limit" + i).put("value", level).put("unit", "级").put("source", "基准测试");
            ObjectNode rule = list.addObject();
            rule.put("id", "bench.rule-" + i);
            rule.put("severity", "block");
            rule.put("when", "x > thresholds.limit" + i);
            rule.put("value", "x");
            rule.put("limit", "thresholds.limit" + i);
            rule.putObject("message").put("zh", "数值 {value} 超过 {limit}").put("en", "{value} exceeds {limit}");
            rule.put("source", "基准测试");
        }
        return body;
    }

    private static byte[] pack(KeyPair keys, int round, int rules) {
        ObjectNode body = ruleset(rules, round);
        ObjectNode root = JSON.createObjectNode();
        root.put("format", PolicyPackReader.FORMAT);
        root.put("formatVersion", PolicyPackReader.FORMAT_VERSION);
        ObjectNode manifest = root.putObject("manifest");
        manifest.put("id", "bench-" + round);
        manifest.putObject("name").put("zh", "基准测试政策包");
        manifest.put("regulation", "基准测试");
        manifest.put("version", "1");
        manifest.put("effectiveFrom", "2024-01-01");
        manifest.putArray("documents").addObject().put("kind", "ruleset").put("key", KEY)
                .put("checksum", DocumentChecksum.of(body)).put("source", "基准测试");
        root.putArray("documents").addObject().put("kind", "ruleset").put("key", KEY).set("body", body);
        PackSignature signature = PackSigner.sign(manifest, keys.getPrivate(), TrustedPackKeys.keyId(keys.getPublic()));
        root.putObject("signature").put("keyId", signature.keyId()).put("algorithm", signature.algorithm())
                .put("value", signature.value());
        return JSON.writeValueAsBytes(root);
    }

    private static Path trustedDirectory(KeyPair keys) throws IOException {
        Path directory = Files.createTempDirectory("tezuo-bench-keys");
        Files.writeString(directory.resolve("bench.pem"), "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(keys.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n");
        return directory;
    }

    private static String summary(List<Long> nanos) {
        List<Long> sorted = nanos.stream().sorted().toList();
        return String.format(Locale.ROOT, "min %.1f ms, median %.1f ms, max %.1f ms (first round %.1f ms)",
                sorted.getFirst() / 1e6, median(nanos) / 1e6, sorted.getLast() / 1e6, nanos.getFirst() / 1e6);
    }

    private static double median(List<Long> nanos) {
        List<Long> sorted = nanos.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2.0;
    }

    private static ConfigurableApplicationContext boot(String url, Path trustedKeys) {
        return new SpringApplicationBuilder(PackBenchmarkApplication.class)
                .web(WebApplicationType.NONE)
                // A config name of its own keeps the ui module's application.properties, which is on the class
                // path, from configuring an H2 database and the demo tenant.
                .properties("spring.config.name=tezuo-benchmark",
                        "spring.datasource.url=" + url,
                        "spring.datasource.username=" + System.getProperty("tezuo.bench.user", "postgres"),
                        "spring.datasource.password=" + System.getProperty("tezuo.bench.password", ""),
                        "spring.datasource.hikari.maximum-pool-size=4",
                        "spring.liquibase.change-log=classpath:db/changelog/db.changelog-master.yaml",
                        "spring.autoconfigure.exclude=com.vaadin.flow.spring.SpringBootAutoConfiguration,"
                                + "com.vaadin.flow.spring.SpringSecurityAutoConfiguration,"
                                + "com.vaadin.flow.spring.VaadinScopesConfig",
                        "flowable.database-schema-update=true",
                        "flowable.async-executor-activate=false",
                        "flowable.check-process-definitions=false",
                        "tezuo.packs.trusted-keys=" + trustedKeys,
                        "tezuo.packs.activation-check=0s",
                        "spring.main.banner-mode=off",
                        "logging.level.root=warn")
                .run();
    }
}
