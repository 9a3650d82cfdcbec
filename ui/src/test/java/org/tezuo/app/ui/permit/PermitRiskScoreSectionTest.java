package org.tezuo.app.ui.permit;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasText;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tezuo.app.permit.PermitRiskScore;
import org.tezuo.app.ui.form.TranslatedUi;

/** The score section shows the coded values of score items, such as an area class, by their captions. */
class PermitRiskScoreSectionTest {

    @Test
    @DisplayName("Coded values read as captions in Chinese")
    void codedValuesReadAsChineseCaptions() {
        try (TranslatedUi ui = TranslatedUi.open(Locale.SIMPLIFIED_CHINESE)) {
            List<String> lines = itemLines(new PermitRiskScoreSection(score(), Locale.SIMPLIFIED_CHINESE, value -> value));

            assertThat(lines.get(0)).contains("当前值 1 区").doesNotContain("zone-1");
            assertThat(lines.get(1)).contains("当前值 无证或不在台账").doesNotContain("missing");
            assertThat(lines.get(2)).contains("当前值 3.5");
        }
    }

    @Test
    @DisplayName("Coded values read as captions in English")
    void codedValuesReadAsEnglishCaptions() {
        try (TranslatedUi ui = TranslatedUi.open(Locale.ENGLISH)) {
            List<String> lines = itemLines(new PermitRiskScoreSection(score(), Locale.ENGLISH, value -> value));

            assertThat(lines.get(0)).contains("Zone 1").doesNotContain("zone-1");
            assertThat(lines.get(1)).contains("No certificate or not in the ledger");
        }
    }

    private static PermitRiskScore score() {
        return new PermitRiskScore(62, "considerable", "较大风险", "Considerable", Map.of("location",
                new BigDecimal("80")), List.of(
                        item(1, "score.location.area-class", "location", "zone-1", ""),
                        item(2, "score.personnel.certificate", "personnel", "missing", ""),
                        item(3, "score.work-type.depth", "workType", "3.5", "m")),
                "GB 30871-2022");
    }

    private static PermitRiskScore.Item item(int rank, String code, String dimension, String value, String unit) {
        return new PermitRiskScore.Item(rank, code, dimension, BigDecimal.TEN, BigDecimal.ONE, "因素" + rank,
                "Factor " + rank, value, null, unit, "GB 30871-2022");
    }

    /** Returns the text of the item lines, which carry a data-code attribute, in their order. */
    private static List<String> itemLines(Component section) {
        List<String> lines = new ArrayList<>();
        section.getChildren()
                .filter(child -> child.getElement().hasAttribute("data-code"))
                .forEach(line -> lines.add(text(line)));
        return lines;
    }

    private static String text(Component component) {
        StringBuilder text = new StringBuilder(component instanceof HasText withText ? withText.getText() : "");
        component.getChildren().forEach(child -> text.append(text(child)));
        return text.toString();
    }
}
