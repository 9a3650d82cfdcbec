package org.tezuo.core.qualification.warning;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.tezuo.core.i18n.UserMessages;
import org.tezuo.core.qualification.verification.LifecyclePolicyResolver;

/**
 * Names the warning rules of a tenant's published lifecycle ruleset for people, so a screen shows
 * 失效当天冻结作业票提交并收回门禁权限 rather than a rule id such as {@code freeze-0}.
 */
@Component
public class WarningRuleNames {

    private final LifecyclePolicyResolver policies;
    private final WarningRuleParser parser = new WarningRuleParser();

    public WarningRuleNames(LifecyclePolicyResolver policies) {
        this.policies = policies;
    }

    /** Returns the warning rules of the tenant's published lifecycle ruleset, or an empty list when none is published. */
    public List<WarningRule> rules(long tenantId) {
        return policies.findRuleset(tenantId).map(ruleset -> parser.parse(ruleset.body())).orElse(List.of());
    }

    /**
     * Returns the name of the rule with {@code ruleId} in {@code locale}: its label, a description built from its
     * kind, offset and actions when it has no label, or the id with a note when the published ruleset no longer
     * has the rule.
     */
    public String nameOf(long tenantId, String ruleId, Locale locale) {
        return rules(tenantId).stream().filter(rule -> rule.id().equals(ruleId)).findFirst()
                .map(rule -> nameOf(rule, locale))
                .orElseGet(() -> render(locale, "rule.missing", ruleId));
    }

    /** Returns the rule's label in {@code locale} (Chinese when it has no English one) or a built description. */
    public static String nameOf(WarningRule rule, Locale locale) {
        WarningRule.Label label = rule.label();
        if (label != null) {
            boolean english = "en".equals(locale.getLanguage()) && label.en() != null && !label.en().isBlank();
            return english ? label.en() : label.zh();
        }
        return describe(rule, locale);
    }

    /** Returns a description of what the rule does, such as 证书失效或到期后冻结作业票提交、收回门禁权限. */
    static String describe(WarningRule rule, Locale locale) {
        String days = String.valueOf(rule.offsetDays());
        return switch (rule.kind()) {
            case FREEZE -> render(locale, rule.offsetDays() == 0 ? "rule.describe.freeze.onLapse"
                    : "rule.describe.freeze.beforeDue", actions(rule, locale), days);
            case NOTICE, TODO -> render(locale, "rule.describe." + rule.kind().code()
                    + (rule.countsFrom() == WarningRule.CountsFrom.REVIEW_WINDOW ? ".reviewWindow" : ""), "", days);
        };
    }

    private static String actions(WarningRule rule, Locale locale) {
        String separator = "en".equals(locale.getLanguage()) ? ", " : "、";
        return rule.actions().stream().sorted()
                .map(action -> render(locale, "rule.action." + action.name()))
                .collect(Collectors.joining(separator));
    }

    private static String render(Locale locale, String key, Object... arguments) {
        return UserMessages.render(WarningException.BUNDLE, locale, key, arguments);
    }
}
