package org.tezuo.packs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.tezuo.core.qualification.LifecyclePolicy;
import org.tezuo.core.qualification.verification.CertificateLifecycle;
import org.tezuo.core.qualification.verification.LifecyclePolicyParser;
import org.tezuo.core.qualification.warning.WarningKind;
import org.tezuo.core.qualification.warning.WarningRule;
import org.tezuo.core.qualification.warning.WarningRuleParser;
import org.tezuo.metadata.MetaSchemaValidator;
import org.tezuo.metadata.MetadataKind;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class CertificateLifecycleRulesetTest {

    private static final String PACK = "/org/tezuo/packs/special-operations/";

    private final JsonMapper json = JsonMapper.builder().build();

    private JsonNode read(String file) throws IOException {
        try (InputStream in = getClass().getResourceAsStream(PACK + file)) {
            assertThat(in).as(file).isNotNull();
            return json.readTree(in);
        }
    }

    @Test
    void rulesetSatisfiesMetaSchema() throws IOException {
        JsonNode ruleset = read("certificate-lifecycle.ruleset.json");

        assertThat(new MetaSchemaValidator().validate(MetadataKind.RULESET, ruleset, Locale.ENGLISH)).isEmpty();
    }

    @Test
    void rulesetBuildsLifecyclePolicy() throws IOException {
        CertificateLifecycle lifecycle = new LifecyclePolicyParser().parse("ruleset:certificate-lifecycle@1",
                read("certificate-lifecycle.ruleset.json"));

        assertThat(lifecycle.policy()).isEqualTo(new LifecyclePolicy(90, 30));
        assertThat(lifecycle.validityYears()).isEqualTo(6);
        assertThat(lifecycle.reviewIntervalYears()).isEqualTo(3);
        assertThat(lifecycle.reviewWindowDays()).isEqualTo(60);
        assertThat(lifecycle.lateReviewInvalidates()).isTrue();
    }

    @Test
    void warningsRunAtNinetyThirtyAndZeroDays() throws IOException {
        List<WarningRule> rules = new WarningRuleParser().parse(read("certificate-lifecycle.ruleset.json"));

        assertThat(rules).extracting(WarningRule::offsetDays).containsExactly(90, 30, 0);
        assertThat(rules).extracting(WarningRule::kind)
                .containsExactly(WarningKind.NOTICE, WarningKind.TODO, WarningKind.FREEZE);
        assertThat(rules.get(1).recipients()).containsExactly("TEAM_LEADER", "HRBP");
    }

    @Test
    void regulatoryValuesNameTheirClause() throws IOException {
        JsonNode certificate = read("certificate-lifecycle.ruleset.json").get("certificate");

        assertThat(certificate.at("/validityYears/sources/0/text").asString()).contains("第十九条");
        assertThat(certificate.at("/reviewIntervalYears/sources/0/text").asString()).contains("第二十一条");
        assertThat(certificate.at("/reviewWindowDays/sources/0/text").asString()).contains("第二十二条");
        assertThat(certificate.at("/lateReviewInvalidates/sources/0/text").asString()).contains("第二十六条");
        assertThat(certificate.at("/validityYears/sources/1/unconfirmed").asBoolean()).isTrue();
        assertThat(certificate.at("/validityYears/sources/1/effectiveFrom").asString()).isEqualTo("2026-06-01");
    }

    @Test
    void nightlyScheduleSatisfiesMetaSchema() throws IOException {
        JsonNode schedule = read("certificate-verification.schedule.json");

        assertThat(new MetaSchemaValidator().validate(MetadataKind.SCHEDULE, schedule, Locale.ENGLISH)).isEmpty();
        assertThat(schedule.get("cron").asString()).isEqualTo("0 0 2 * * *");
    }
}
