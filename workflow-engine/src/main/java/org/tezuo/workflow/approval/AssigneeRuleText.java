package org.tezuo.workflow.approval;

import java.util.Locale;
import java.util.ResourceBundle;
import java.util.stream.Collectors;
import org.tezuo.core.i18n.UserMessages;
import org.tezuo.workflow.WorkflowException;
import org.tezuo.workflow.definition.AssigneeSpec;

/**
 * An assignee rule in words for messages, such as 申请人所在单位中角色‘所在单位负责人’（UNIT_HEAD）的人员. A platform role
 * with a {@code roleName.} caption shows that caption and its code, and any other role code shows as the flow names it.
 */
final class AssigneeRuleText {

    private AssigneeRuleText() {
    }

    static String describe(AssigneeSpec rule, Locale locale) {
        String value = switch (rule.by()) {
            case ROLE, APPLICANT_ORG_ROLE, PARENT_ORG_ROLE -> roleName(rule.value(), locale);
            case ROLE_GROUP -> rule.roles().stream()
                    .map(role -> roleName(role, locale))
                    .collect(Collectors.joining(UserMessages.render(WorkflowException.BUNDLE, locale,
                            "roleName.separator")));
            default -> rule.value();
        };
        return UserMessages.render(WorkflowException.BUNDLE, locale, "rule." + rule.by().code(), value);
    }

    private static String roleName(String code, Locale locale) {
        String key = "roleName." + code;
        if (!ResourceBundle.getBundle(WorkflowException.BUNDLE, Locale.ROOT).containsKey(key)) {
            return UserMessages.render(WorkflowException.BUNDLE, locale, "roleName.unknown", code);
        }
        return UserMessages.render(WorkflowException.BUNDLE, locale, "roleName",
                UserMessages.render(WorkflowException.BUNDLE, locale, key), code);
    }
}
