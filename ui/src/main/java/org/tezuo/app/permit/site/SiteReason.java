package org.tezuo.app.permit.site;

import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.tezuo.app.permit.simops.SimopsConflict;
import org.tezuo.core.risk.RiskItem;

/**
 * Why a step was refused or why work stopped: a rule of the permit's ruleset with its value, limit and clause, or
 * the words of the person who stopped the work.
 *
 * @param code the rule id, such as {@code hot-work.wind.open-air}, or {@link #MANUAL} for a person's reason
 * @param value the measured value as text, or null
 * @param limit the limit as text, or null
 * @param source the regulation and clause, empty for a person's reason
 */
public record SiteReason(String code, String messageZh, @Nullable String messageEn, @Nullable String value,
        @Nullable String limit, @Nullable String unit, String source) implements SiteText {

    /** Code of a reason a person gave. */
    public static final String MANUAL = "manual";

    /** Returns the reason a rule finding gives. */
    static SiteReason of(RiskItem item, @Nullable String unit) {
        return new SiteReason(item.code(), item.message().zh(), item.message().in(Locale.ENGLISH),
                text(item.value()), text(item.limit()), unit, item.source());
    }

    /** Returns the reason a SIMOPS conflict gives; its sentence names both operations and the clause. */
    static SiteReason of(SimopsConflict conflict) {
        return new SiteReason(conflict.code(), conflict.messageZh(), conflict.messageEn(), conflict.value(),
                conflict.limit(), conflict.unit(), conflict.source());
    }

    /** Returns a reason a person gave, which is shown as written in every locale. */
    static SiteReason manual(String text) {
        return new SiteReason(MANUAL, text, null, null, null, null, "");
    }

    @Override
    public String text(Locale locale) {
        return messageEn == null || "zh".equals(locale.getLanguage()) ? messageZh : messageEn;
    }

    private static @Nullable String text(@Nullable Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof java.math.BigDecimal decimal ? decimal.stripTrailingZeros().toPlainString()
                : value.toString();
    }
}
