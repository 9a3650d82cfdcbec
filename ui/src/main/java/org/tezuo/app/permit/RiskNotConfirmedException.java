package org.tezuo.app.permit;

import java.util.List;
import java.util.Locale;
import org.tezuo.core.i18n.LocalizedException;
import org.tezuo.core.i18n.UserMessages;

/**
 * An approval rejected because the approver has not confirmed every risk item of the permit on this task. The
 * message names the unconfirmed items in the reader's language.
 */
final class RiskNotConfirmedException extends LocalizedException {

    private final List<PermitRiskItem> items;
    private final List<Integer> missing;

    /**
     * @param items the permit's risk items
     * @param missing the 0-based positions in {@code items} of the items the approver has not confirmed
     */
    RiskNotConfirmedException(String permitName, List<PermitRiskItem> items, List<Integer> missing) {
        super("permit.riskNotConfirmed", permitName, missing.size(), items.size(),
                UnconfirmedRiskItems.describe(items, missing, UserMessages.DEFAULT_LOCALE));
        this.items = List.copyOf(items);
        this.missing = List.copyOf(missing);
    }

    @Override
    public String message(Locale locale) {
        Object[] arguments = arguments();
        arguments[3] = UnconfirmedRiskItems.describe(items, missing, locale);
        return UserMessages.render(locale, messageKey(), arguments);
    }
}
