package org.tezuo.core.qualification.warning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.tezuo.core.qualification.verification.CertificateFixtures;
import tools.jackson.databind.json.JsonMapper;

class WarningRuleNamesTest {

    private final JsonMapper json = JsonMapper.builder().build();
    private final List<WarningRule> fixtureRules = new WarningRuleParser().parse(
            json.readTree(CertificateFixtures.LIFECYCLE_RULESET));

    @Test
    void labelledRuleIsNamedByLabel() {
        WarningRule rule = new WarningRuleParser().parse(json.readTree("""
                {"warnings": [{"id": "freeze-0", "offsetDays": 0, "kind": "freeze", "actions": ["freeze-permits"],
                  "label": {"zh": "失效当天冻结作业票提交", "en": "Freeze permits on the day of the lapse"},
                  "source": "企业实践"}]}""")).getFirst();

        assertThat(WarningRuleNames.nameOf(rule, Locale.SIMPLIFIED_CHINESE)).isEqualTo("失效当天冻结作业票提交");
        assertThat(WarningRuleNames.nameOf(rule, Locale.ENGLISH)).isEqualTo("Freeze permits on the day of the lapse");
    }

    @Test
    void unlabelledFreezeRuleIsDescribed() {
        WarningRule freeze = fixtureRules.get(2);

        assertThat(WarningRuleNames.nameOf(freeze, Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("证书失效或到期后冻结作业票提交、收回门禁权限");
        assertThat(WarningRuleNames.nameOf(freeze, Locale.ENGLISH))
                .isEqualTo("When a certificate lapses or expires: freeze permit submission, revoke site access");
    }

    @Test
    void earlyFreezeAndNoticesAreDescribed() {
        List<WarningRule> rules = new WarningRuleParser().parse(json.readTree("""
                {"warnings": [
                  {"id": "freeze-7", "offsetDays": 7, "kind": "freeze", "actions": ["revoke-door-access"], "source": "企业实践"},
                  {"id": "window", "countsFrom": "review-window", "offsetDays": 0, "kind": "notice",
                   "recipients": ["HOLDER"], "source": "30号令第二十二条"}]}"""));

        assertThat(WarningRuleNames.nameOf(rules.get(0), Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("证书到期前 7 天起收回门禁权限");
        assertThat(WarningRuleNames.nameOf(rules.get(1), Locale.SIMPLIFIED_CHINESE)).isEqualTo("复审申请期开始时发送提醒");
        assertThat(WarningRuleNames.nameOf(fixtureRules.get(0), Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("证书到期前 90 天发送提醒");
    }
}
