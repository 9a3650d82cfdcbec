package org.tezuo.core.rules;

import org.jspecify.annotations.Nullable;

/**
 * One rule of a ruleset, as written in the document.
 *
 * @param id stable identifier, used as the risk item code, for example {@code hot-work.wind.open-air}
 * @param severity what a match does to the permit
 * @param scope how often the rule is evaluated
 * @param when the condition in the rule language; the rule matches when it is true
 * @param value expression for the measured value shown in the message, or null
 * @param limit expression for the limit shown in the message, or null
 * @param unit unit shown with value and limit, empty when none
 * @param message template of the message; {@code {value}}, {@code {limit}}, {@code {unit}} and {@code {source}}
 *        insert those parts, any other {@code {expression}} the value of that rule-language expression
 * @param source the regulation and clause the rule implements
 * @param unconfirmed true when the rule's value or clause was not confirmed against the official text
 */
public record Rule(String id, RuleSeverity severity, RuleScope scope, String when, @Nullable String value,
        @Nullable String limit, String unit, LocalizedText message, String source, boolean unconfirmed) {
}
