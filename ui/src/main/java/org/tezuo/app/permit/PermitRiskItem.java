package org.tezuo.app.permit;

import org.jspecify.annotations.Nullable;

/**
 * A risk item as stored with a permit at submission: the rule that produced it, how hard it is, the message with
 * the live value and limit, and the clause it comes from.
 *
 * @param severity BLOCK, CONFIRM or INFO
 */
public record PermitRiskItem(String code, String severity, String messageZh, String messageEn,
        @Nullable String value, @Nullable String limit, @Nullable String unit, String source) {
}
