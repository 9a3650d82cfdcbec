package org.tezuo.core.risk;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.tezuo.core.i18n.UserMessages;
import org.tezuo.core.rules.CompiledRuleset;
import org.tezuo.core.rules.LocalizedText;
import org.tezuo.core.rules.RuleSeverity;
import org.tezuo.core.rules.Threshold;

/**
 * One finding of a risk evaluation.
 *
 * @param code the id of the rule that produced it, for example {@code hot-work.wind.open-air}
 * @param severity BLOCK stops the permit; CONFIRM needs a person to confirm; INFO is shown only
 * @param message the rendered message in Chinese and English, with the live value, limit, unit and source
 * @param source the regulation and clause of the rule
 * @param unconfirmed true when the rule's value or clause was not confirmed against the official text
 * @param value the measured value, or null
 * @param limit the limit, or null
 * @param detectorId the gas detector whose reading produced the item, or null for permit-level items
 * @param unit the unit the rule declares for value and limit, empty when none
 * @param scenario the kind of work of the ruleset in Chinese and English, for example 动火作业
 * @param limits the thresholds that set the limit, each with its value in force and its origin (pack and clause, or
 *        enterprise override)
 */
public record RiskItem(String code, RuleSeverity severity, LocalizedText message, String source, boolean unconfirmed,
        @Nullable Object value, @Nullable Object limit, @Nullable String detectorId, String unit,
        LocalizedText scenario, List<Threshold> limits) {

    static final String BUNDLE = "org.tezuo.core.risk.messages";

    public RiskItem {
        limits = List.copyOf(limits);
    }

    /** Returns where the limit comes from in {@code locale}, or a phrase saying the rule reads no threshold. */
    public String limitOrigin(Locale locale) {
        return CompiledRuleset.describeLimits(limits, locale);
    }

    /**
     * Returns the message followed by the kind of work and each limit with its unit and origin, as a refusal shows
     * it: the message alone may not say whether the limit is the pack's or the enterprise's. The rule id is left to
     * the refusal's field path, and a rule that reads no threshold names no limit.
     */
    public String explanation(Locale locale) {
        return limits.isEmpty()
                ? UserMessages.render(BUNDLE, locale, "risk.explanation.noLimit", message.in(locale),
                        scenario.in(locale))
                : UserMessages.render(BUNDLE, locale, "risk.explanation", message.in(locale), scenario.in(locale),
                        limitOrigin(locale));
    }
}
