package org.tezuo.core.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.tezuo.core.metadata.MetadataStore;
import org.tezuo.core.metadata.bundle.BundleFormat;
import org.tezuo.core.metadata.bundle.BundleImporter;
import org.tezuo.core.metadata.bundle.BundlePreview;
import org.tezuo.core.metadata.bundle.BundleRejectedException;
import org.tezuo.core.metadata.bundle.BundleWriter;
import org.tezuo.core.metadata.bundle.MetadataBundle;
import org.tezuo.core.tenant.TenantDirectory;
import org.tezuo.metadata.DocumentChecksum;
import org.tezuo.metadata.MetaSchemaViolation;
import org.tezuo.metadata.MetadataKind;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Throws every expression of {@link HostileRuleCorpus} at the three places a rule enters Tezuo: the ruleset editor
 * (a save through the metadata store), the bundle importer and the evaluator. None may run, and each rejection is a
 * Chinese sentence naming where the expression went wrong.
 */
@SpringBootTest
class HostileRuleCorpusTest {

    @Autowired
    MetadataStore store;

    @Autowired
    BundleImporter importer;

    @Autowired
    BundleWriter writer;

    @Autowired
    RulesetCompiler compiler;

    @Autowired
    TenantDirectory tenants;

    @Autowired
    JsonMapper json;

    private long tenantId;

    static Stream<String> corpus() {
        return HostileRuleCorpus.EXPRESSIONS.stream();
    }

    @BeforeEach
    void createTenant() {
        tenantId = tenants.create("hostile-" + UUID.randomUUID(), "恶意表达式测试", null, ZoneId.of("Asia/Shanghai")).id();
    }

    @Test
    void corpusHasAtLeastSixtyExpressions() {
        assertThat(HostileRuleCorpus.EXPRESSIONS).hasSizeGreaterThanOrEqualTo(60).doesNotHaveDuplicates();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void editorRejects(String expression) {
        List<MetaSchemaViolation> problems = store.validate(store.candidate(tenantId, MetadataKind.RULESET, "hostile",
                ruleset(expression), "admin"), Locale.SIMPLIFIED_CHINESE);

        assertThat(problems).isNotEmpty();
        assertThat(problems.getFirst().message()).satisfies(HostileRuleCorpusTest::isChineseWithPosition);
        assertThat(store.history(tenantId, MetadataKind.RULESET, "hostile")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void importerRejects(String expression) {
        JsonNode body = ruleset(expression);
        byte[] bundle = writer.write(new MetadataBundle(Instant.parse("2026-12-05T00:00:00Z"), "outside",
                List.of(new MetadataBundle.Document("ruleset", "hostile", 1, DocumentChecksum.of(body), body))),
                BundleFormat.JSON);

        BundlePreview preview = importer.preview(tenantId, bundle, Locale.SIMPLIFIED_CHINESE);

        assertThat(preview.applicable()).isFalse();
        assertThat(preview.documents()).singleElement().satisfies(document -> assertThat(document.problems())
                .anySatisfy(problem -> isChineseWithPosition(problem.message())));
        assertThatThrownBy(() -> importer.apply(tenantId, bundle, "admin", Locale.SIMPLIFIED_CHINESE))
                .isInstanceOf(BundleRejectedException.class);
        assertThat(store.findPublished(tenantId, MetadataKind.RULESET, "hostile")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void evaluatorRejectsBeforeRunning(String expression) {
        assertThatThrownBy(() -> compiler.load("ruleset:hostile@1", ruleset(expression)))
                .isInstanceOfSatisfying(InvalidRulesetException.class, rejection ->
                        isChineseWithPosition(rejection.message(Locale.SIMPLIFIED_CHINESE)));
    }

    /** A ruleset whose one rule has the expression as its condition. */
    private JsonNode ruleset(String expression) {
        ObjectNode body = (ObjectNode) json.readTree("""
                {"name": {"zh": "恶意表达式"}, "variables": ["level", "weather", "tags", "x"],
                 "thresholds": {"maxLevel": {"value": 4, "unit": "级", "source": "测试 1.1"}},
                 "rules": [{"id": "hostile.rule", "severity": "block", "when": "level > 1",
                            "message": {"zh": "拦截"}, "source": "测试 1.1"}]}""");
        ((ObjectNode) body.path("rules").get(0)).put("when", expression);
        return body;
    }

    private static void isChineseWithPosition(String message) {
        assertThat(message).as("Chinese message naming the position").containsPattern("第 \\d+ 个字符");
    }
}
