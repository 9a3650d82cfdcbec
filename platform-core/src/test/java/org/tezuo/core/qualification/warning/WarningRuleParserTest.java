package org.tezuo.core.qualification.warning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tezuo.core.qualification.LifecyclePolicy;
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
                        "/training/enrolment?certificate={certificateId}", Set.of(), "企业实践"),
                new WarningRule("todo-30", 30, WarningKind.TODO, List.of("TEAM_LEADER", "HRBP"), null, Set.of(),
                        "企业实践"),
                new WarningRule("freeze-0", 0, WarningKind.FREEZE, List.of(), null,
                        Set.of(WarningAction.FREEZE_PERMITS, WarningAction.REVOKE_DOOR_ACCESS),
                        "30号令第二十六条；企业实践"));
    }

    @Test
    void lifecycleValuesBuildPolicy() {
        var lifecycle = new LifecyclePolicyParser().parse("ruleset:certificate-lifecycle@1",
                json.readTree(CertificateFixtures.LIFECYCLE_RULESET));

        assertThat(lifecycle.policy()).isEqualTo(new LifecyclePolicy(90, 30));
        assertThat(lifecycle.validityYears()).isEqualTo(6);
        assertThat(lifecycle.reviewIntervalYears()).isEqualTo(3);
        assertThat(lifecycle.reviewWindowDays()).isEqualTo(60);
        assertThat(lifecycle.lateReviewInvalidates()).isTrue();
    }

    @Test
    void missingLifecycleValueIsNamed() {
        var body = json.readTree("""
                {"certificate": {"validityYears": {"value": 6, "unit": "year", "sources": [{"text": "第十九条"}]}}}""");

        assertThatThrownBy(() -> new LifecyclePolicyParser().parse("ruleset:certificate-lifecycle@2", body))
                .isInstanceOfSatisfying(InvalidLifecycleRulesetException.class, e -> assertThat(
                        e.message(Locale.SIMPLIFIED_CHINESE)).isEqualTo("规则集 ruleset:certificate-lifecycle@2 "
                        + "缺少证书生命周期取值 certificate.reviewIntervalYears.value；请在规则集的 certificate 部分补全后重新发布"));
    }
}
