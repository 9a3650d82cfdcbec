package org.tezuo.packs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.tezuo.core.qualification.CertificateClass;
import org.tezuo.core.qualification.LifecyclePolicy;
import org.tezuo.core.qualification.LifecycleRule;
import org.tezuo.core.qualification.verification.LifecyclePolicyParser;
import org.tezuo.core.qualification.warning.WarningKind;
import org.tezuo.core.qualification.warning.WarningRule;
import org.tezuo.core.qualification.warning.WarningRuleParser;
import org.tezuo.metadata.MetaSchemaValidator;
import org.tezuo.metadata.MetadataKind;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

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

    private LifecyclePolicy policy() throws IOException {
        return new LifecyclePolicyParser().parse("ruleset:certificate-lifecycle@1",
                read("certificate-lifecycle.ruleset.json"));
    }

    @Test
    void rulesetBuildsLifecyclePolicy() throws IOException {
        LifecyclePolicy policy = policy();

        assertThat(policy.reviewDueSoonDays()).isEqualTo(90);
        assertThat(policy.anomalyLookbackDays()).isEqualTo(30);
        assertThat(policy.rules().versions()).extracting(LifecycleRule::id).containsExactly(
                "special-operation.order-30", "special-operation.order-19", "special-equipment");
    }

    @Test
    void order30AppliesThroughMay2026() throws IOException {
        LifecycleRule rule = policy().rules().ruleOn(CertificateClass.SPECIAL_OPERATION, LocalDate.of(2026, 5, 31))
                .orElseThrow();

        assertThat(rule.id()).isEqualTo("special-operation.order-30");
        assertThat(rule.unconfirmed()).isFalse();
        assertThat(rule.validityYears().amount()).isEqualTo(6);
        assertThat(rule.validityYears().source()).contains("第30号", "第十九条");
        assertThat(rule.reviewIntervalYears().amount()).isEqualTo(3);
        assertThat(rule.reviewIntervalYears().source()).contains("第二十一条");
        assertThat(rule.extendedReviewIntervalYears().amount()).isEqualTo(6);
        assertThat(rule.cleanRecordYears().amount()).isEqualTo(10);
        assertThat(rule.cleanRecordYears().source()).contains("第二十一条");
        assertThat(rule.reviewWindowDays().amount()).isEqualTo(60);
        assertThat(rule.reviewWindowDays().source()).contains("第二十二条");
        assertThat(rule.lateReviewInvalidates().enabled()).isTrue();
        assertThat(rule.lateReviewInvalidates().source()).contains("第二十六条");
        assertThat(rule.awayFromPostMonths().amount()).isEqualTo(6);
        assertThat(rule.awayFromPostMonths().source()).contains("第三十二条");
    }

    @Test
    void order19AppliesFromJune2026AndIsUnconfirmed() throws IOException {
        LifecycleRule rule = policy().rules().ruleOn(CertificateClass.SPECIAL_OPERATION, LocalDate.of(2026, 6, 1))
                .orElseThrow();

        assertThat(rule.id()).isEqualTo("special-operation.order-19");
        assertThat(rule.unconfirmed()).isTrue();
        assertThat(rule.validityYears().amount()).isEqualTo(6);
        assertThat(rule.reviewIntervalYears().amount()).isEqualTo(3);
        assertThat(List.of(rule.validityYears(), rule.reviewIntervalYears(), rule.extendedReviewIntervalYears(),
                rule.cleanRecordYears(), rule.reviewWindowDays(), rule.awayFromPostMonths()))
                .allSatisfy(value -> {
                    assertThat(value.unconfirmed()).isTrue();
                    assertThat(value.source()).contains("应急管理部令第19号");
                });
        assertThat(rule.lateReviewInvalidates().unconfirmed()).isTrue();
    }

    @Test
    void specialEquipmentReviewsEveryFourYearsUnconfirmed() throws IOException {
        LifecycleRule rule = policy().rules().ruleOn(CertificateClass.SPECIAL_EQUIPMENT, LocalDate.of(2026, 6, 1))
                .orElseThrow();

        assertThat(rule.reviewIntervalYears().amount()).isEqualTo(4);
        assertThat(rule.reviewIntervalYears().unconfirmed()).isTrue();
        assertThat(rule.unconfirmed()).isTrue();
        assertThat(rule.extendedReviewIntervalYears()).isNull();
        assertThat(rule.awayFromPostMonths()).isNull();
    }

    @Test
    void todoEscalatesToSafetyEngineer() throws IOException {
        WarningRule todo = new WarningRuleParser().parse(read("certificate-lifecycle.ruleset.json")).get(1);

        assertThat(todo.escalation()).isNotNull();
        assertThat(todo.escalation().role()).isEqualTo("SAFETY_ENGINEER");
        assertThat(todo.escalation().after()).hasHours(72);
        assertThat(todo.topic()).isEqualTo("qualification.warning");
    }

    @Test
    void warningsRunAtNinetyThirtyAndZeroDays() throws IOException {
        List<WarningRule> rules = new WarningRuleParser().parse(read("certificate-lifecycle.ruleset.json"));

        assertThat(rules).extracting(WarningRule::offsetDays).containsExactly(90, 30, 0, 0);
        assertThat(rules).extracting(WarningRule::kind)
                .containsExactly(WarningKind.NOTICE, WarningKind.TODO, WarningKind.FREEZE, WarningKind.NOTICE);
        assertThat(rules.get(1).recipients()).containsExactly("TEAM_LEADER", "HRBP");
    }

    @Test
    void freezeCannotCountFromReviewWindow() throws IOException {
        ObjectNode ruleset = (ObjectNode) read("certificate-lifecycle.ruleset.json");
        ((ObjectNode) ruleset.withArray("warnings").get(2)).put("countsFrom", "review-window");

        assertThat(new MetaSchemaValidator().validate(MetadataKind.RULESET, ruleset, Locale.ENGLISH)).isNotEmpty();
    }

    @Test
    void reviewWindowNoticeCountsFromWindow() throws IOException {
        WarningRule notice = new WarningRuleParser().parse(read("certificate-lifecycle.ruleset.json")).get(3);

        assertThat(notice.id()).isEqualTo("review-window");
        assertThat(notice.countsFrom()).isEqualTo(WarningRule.CountsFrom.REVIEW_WINDOW);
        assertThat(notice.recipients()).containsExactly(WarningRule.HOLDER);
        assertThat(notice.label()).isNotNull();
        assertThat(notice.label().zh()).isEqualTo("复审申请期开始时通知持证人可申请复审");
    }

    @Test
    void nightlyScheduleSatisfiesMetaSchema() throws IOException {
        JsonNode schedule = read("certificate-verification.schedule.json");

        assertThat(new MetaSchemaValidator().validate(MetadataKind.SCHEDULE, schedule, Locale.ENGLISH)).isEmpty();
        assertThat(schedule.get("cron").asString()).isEqualTo("0 0 2 * * *");
    }
}
