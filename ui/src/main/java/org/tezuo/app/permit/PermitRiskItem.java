package org.tezuo.app.permit;

import org.jspecify.annotations.Nullable;

/**
 * A risk item as stored with a permit at submission: the rule that produced it, how hard it is, the message with
 * the live value and limit, and the clause it comes from.
 *
 * @param severity BLOCK, CONFIRM or INFO
 * @param scenarioZh the kind of work of the ruleset, for example 动火作业; null for items stored before it was kept
 * @param limitOriginZh where the limit comes from (pack and clause, or enterprise override with reason and source);
 *        null for items stored before it was kept
 */
public record PermitRiskItem(String code, String severity, String messageZh, String messageEn,
        @Nullable String value, @Nullable String limit, @Nullable String unit, String source,
        @Nullable String scenarioZh, @Nullable String scenarioEn, @Nullable String limitOriginZh,
        @Nullable String limitOriginEn) {
}
