package org.tezuo.core.risk;

import org.jspecify.annotations.Nullable;
import org.tezuo.core.rules.LocalizedText;
import org.tezuo.core.rules.RuleSeverity;

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
 */
public record RiskItem(String code, RuleSeverity severity, LocalizedText message, String source, boolean unconfirmed,
        @Nullable Object value, @Nullable Object limit, @Nullable String detectorId) {
}
