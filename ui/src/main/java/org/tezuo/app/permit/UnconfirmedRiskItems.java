package org.tezuo.app.permit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.IntStream;
import org.tezuo.core.i18n.UserMessages;

/**
 * Names the risk items of a permit that are not re-confirmed, as {@code 第 2 项：message} in the permit's numbering
 * (which starts at 1), in the reader's language. At most {@link #MAX_LISTED} items are named, so that a permit
 * with many items still gets a message of readable length, and the text then states how many there are in all.
 */
final class UnconfirmedRiskItems {

    /** Items named one by one in a refusal. */
    static final int MAX_LISTED = 10;

    private UnconfirmedRiskItems() {
    }

    /** Returns the 0-based positions of the items whose code is not in {@code confirmed}, in ascending order. */
    static List<Integer> positions(List<PermitRiskItem> items, Set<String> confirmed) {
        return IntStream.range(0, items.size())
                .filter(index -> !confirmed.contains(items.get(index).code()))
                .boxed()
                .toList();
    }

    /**
     * Returns the unconfirmed items named in {@code locale}.
     *
     * @param items the permit's risk items, in its numbering
     * @param missing the 0-based positions in {@code items} of the unconfirmed ones, in ascending order
     */
    static String describe(List<PermitRiskItem> items, List<Integer> missing, Locale locale) {
        boolean chinese = "zh".equals(locale.getLanguage());
        List<String> named = new ArrayList<>();
        for (int index : missing.subList(0, Math.min(missing.size(), MAX_LISTED))) {
            PermitRiskItem item = items.get(index);
            named.add(chinese ? "第 " + (index + 1) + " 项：" + item.messageZh()
                    : "item " + (index + 1) + ": " + item.messageEn());
        }
        String list = PermitGateAction.join(named, locale);
        if (missing.size() <= MAX_LISTED) {
            return list;
        }
        return UserMessages.render(PermitGateAction.BUNDLE, locale, "gate.risk.more", list, missing.size(),
                missing.size() - MAX_LISTED);
    }
}
