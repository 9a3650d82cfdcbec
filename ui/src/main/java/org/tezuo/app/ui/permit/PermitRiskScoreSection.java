package org.tezuo.app.ui.permit;

import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.badge.BadgeVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.tezuo.app.permit.PermitRiskScore;

/**
 * The risk score a permit was submitted with: the total and its band, the sub-score of each dimension and the top
 * three factors with their live values. Callers add it only for a permit that has a score.
 */
public class PermitRiskScoreSection extends Div {

    /** How many ranked factors the page and the printed e-permit list. */
    public static final int TOP_ITEMS = 3;

    /** @param values turns a factor's value into the text shown, such as an area-class code into 1 区 */
    public PermitRiskScoreSection(PermitRiskScore score, Locale locale, UnaryOperator<String> values) {
        setId("risk-score");
        addClassName("tezuo-risk-score");
        add(new H3(getTranslation("riskScore.title")));

        Badge band = new Badge(getTranslation("riskScore.total", score.total(), score.bandLabel(locale)));
        band.addThemeVariants(switch (score.band()) {
            case "major" -> BadgeVariant.ERROR;
            case "considerable" -> BadgeVariant.WARNING;
            default -> BadgeVariant.CONTRAST;
        });
        band.getElement().setAttribute("data-band", score.band());
        add(new Div(band));

        Div dimensions = new Div();
        for (Map.Entry<String, BigDecimal> subScore : score.subScores().entrySet()) {
            Span dimension = new Span(getTranslation("riskScore.dimension",
                    getTranslation("riskScore.dimension." + subScore.getKey()),
                    subScore.getValue().stripTrailingZeros().toPlainString()));
            dimension.getElement().setAttribute("data-dimension", subScore.getKey());
            dimension.addClassName("tezuo-muted");
            dimensions.add(dimension, new Span(" "));
        }
        add(dimensions);

        for (PermitRiskScore.Item item : score.top(TOP_ITEMS)) {
            Div line = new Div(new Span(getTranslation("riskScore.item", item.rank(), item.label(locale),
                    RiskValueText.of(this, item.value() == null ? null : values.apply(item.value())),
                    item.limit() == null ? getTranslation("value.none") : item.limit(), item.unit(),
                    item.contribution().stripTrailingZeros().toPlainString(), item.source())));
            line.getElement().setAttribute("data-code", item.code());
            add(line);
        }
        Span source = new Span(getTranslation("riskScore.source", score.source()));
        source.addClassName("tezuo-muted");
        add(new Div(source));
    }
}
