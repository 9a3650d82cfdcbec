package org.tezuo.app.ui.permit;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.Locale;
import java.util.Optional;
import org.tezuo.app.permit.PermitRiskItem;

/**
 * The line under a risk item that names the origin of its limit and the kind of work, for example
 * 限值：爆炸下限≥4%时的可燃气体合格值 0.3 %vol（来源：企业覆盖（…））（动火作业）. The rule id stays in the item's
 * {@code data-code} attribute, as rules carry no title to show.
 */
public final class RiskLimitOrigin extends Div {

    private RiskLimitOrigin(PermitRiskItem item, Locale locale) {
        boolean english = PermitSummary.isEnglish(locale);
        Span origin = new Span(getTranslation("risk.limitOrigin", english ? item.limitOriginEn() : item.limitOriginZh(),
                english ? item.scenarioEn() : item.scenarioZh()));
        origin.addClassName("tezuo-muted");
        origin.addClassName("tezuo-risk-origin");
        add(origin);
    }

    /** Returns the line, or empty for an item whose rule reads no threshold or that was stored before origins. */
    public static Optional<RiskLimitOrigin> of(PermitRiskItem item, Locale locale) {
        return item.limitOriginZh() == null ? Optional.empty() : Optional.of(new RiskLimitOrigin(item, locale));
    }
}
