package org.tezuo.app.permit.simops;

import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.tezuo.app.permit.PermitRiskItem;

/**
 * One conflict between a permit and another operation: the kind of conflict with the other party in its code, what
 * it does, the sentence in both languages naming both operations, the distance or line, the limit and the clause.
 *
 * @param code {@code simops.<kind>@<other>}, such as {@code simops.blind-same-line@permit-12}, so that each
 *     other operation is its own risk item
 * @param value the distance in metres or the line number, as shown
 * @param limit the limit in the same unit, or null
 */
public record SimopsConflict(String code, ConflictSeverity severity, String messageZh, String messageEn,
        @Nullable String value, @Nullable String limit, @Nullable String unit, String source) {

    /** Returns the message in the locale's language, Chinese unless it is English. */
    public String message(Locale locale) {
        return "en".equals(locale.getLanguage()) ? messageEn : messageZh;
    }

    /**
     * Returns the risk item stored with the permit: a warning is a CONFIRM item every approver marks. The message
     * already names the clause, so the item carries no separate scenario or limit origin.
     */
    public PermitRiskItem toRiskItem() {
        return new PermitRiskItem(code, severity == ConflictSeverity.BLOCK ? "BLOCK" : "CONFIRM", messageZh, messageEn,
                value, limit, unit, source, null, null, null, null);
    }
}
