package org.tezuo.core.qualification.warning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tezuo.core.qualification.LifecyclePolicy;
import org.tezuo.core.qualification.LifecycleRule;
import org.tezuo.core.qualification.verification.CertificateFixtures;
import org.tezuo.core.qualification.verification.InvalidLifecycleRulesetException;
import org.tezuo.core.qualification.verification.LifecyclePolicyParser;
import tools.jackson.databind.json.JsonMapper;

class WarningRuleParserTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void warningsAreParsedInOrder() {
        List<WarningRule> rules = new WarningRuleParser().parse(json.readTree(CertificateFixtures.LIFECYCLE_RULESET));

        assertThat(rules).containsExactly(
                new WarningRule("notice-90", 90, WarningKind.NOTICE, List.of("HOLDER"),
                        "/training/enrolment?certificate={certificateId}", Set.of(), "企业实践",
                        WarningRule.DEFAULT_TOPIC, null),
                new WarningRule("todo-30", 30, WarningKind.TODO, List.of("TEAM_LEADER", "HRBP"), null, Set.of(),
                        "企业实践", WarningRule.DEFAULT_TOPIC,
                        new WarningRule.Escalation(Duration.ofHours(48), "SAFETY_ENGINEER")),
                new WarningRule("freeze-0", 0, WarningKind.FREEZE, List.of(), null,
                        Set.of(WarningAction.FREEZE_PERMITS, WarningAction.REVOKE_DOOR_ACCESS),
                        "30号令第二十六条；企业实践", WarningRule.DEFAULT_TOPIC, null));
    }

    @Test
    void ruleTopicOverridesDefault() {
        List<WarningRule> rules = new WarningRuleParser().parse(json.readTree("""
                {"warnings": [{"id": "notice-7", "offsetDays": 7, "kind": "notice", "recipients": ["HOLDER"],
                  "topic": "qualification.warning.urgent", "source": "企业实践"}]}"""));

        assertThat(rules).singleElement().extracting(WarningRule::topic).isEqualTo("qualification.warning.urgent");
    }

    @Test
    void lifecycleValuesBuildPolicy() {
        LifecyclePolicy policy = new LifecyclePolicyParser().parse("ruleset:certificate-lifecycle@1",
                json.readTree(CertificateFixtures.LIFECYCLE_RULESET));

        assertThat(policy.reviewDueSoonDays()).isEqualTo(90);
        assertThat(policy.anomalyLookbackDays()).isEqualTo(30);
        assertThat(policy.rules().versions()).extracting(LifecycleRule::id).containsExactly(
                "special-operation.order-30", "special-operation.order-19", "special-equipment");
    }

    @Test
    void missingLifecycleValueIsNamed() {
        var body = json.readTree("""
                {"certificate": {"reviewDueSoonDays": {"value": 90, "unit": "day", "sources": [{"text": "企业实践"}]},
                                 "anomalyLookbackDays": {"value": 30, "unit": "day", "sources": [{"text": "企业实践"}]}},
                 "lifecycleRules": [{"id": "order-30", "certificateClass": "special-operation", "regulation": "30号令",
                   "validityYears": {"value": 6, "unit": "year", "source": "第十九条"},
                   "lateReviewInvalidates": {"value": true, "unit": "flag", "source": "第二十六条"}}]}""");

        assertThatThrownBy(() -> new LifecyclePolicyParser().parse("ruleset:certificate-lifecycle@2", body))
                .isInstanceOfSatisfying(InvalidLifecycleRulesetException.class, e -> assertThat(
                        e.message(Locale.SIMPLIFIED_CHINESE)).isEqualTo("规则集 ruleset:certificate-lifecycle@2 的证书"
                        + "生命周期取值 lifecycleRules[0].reviewIntervalYears.value 缺失或无效；请在规则集中按该路径补全"
                        + "（数字、日期 yyyy-MM-dd 或已知的证书类别）后重新发布"));
    }
}
