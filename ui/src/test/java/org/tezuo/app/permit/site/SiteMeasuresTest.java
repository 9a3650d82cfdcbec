package org.tezuo.app.permit.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

class SiteMeasuresTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ISOLATED = "与动火设备相连接的所有管线已断开，加盲板（8）块，未采取水封或仅关闭阀门的方式代替盲板";
    private static final String EXTINGUISHERS = "现场配备灭火器（2）台，灭火毯（1）块";

    /** Rows 1 and 3 apply; row 2 does not. */
    private static final List<SiteMeasure> HOT_WORK = SiteMeasures.applicable(table());

    @Test
    @DisplayName("The measures that apply are numbered by their row in the form's table, from 1")
    void numbersApplicableRows() {
        assertThat(HOT_WORK).containsExactly(new SiteMeasure(1, ISOLATED), new SiteMeasure(3, EXTINGUISHERS));
        assertThat(SiteMeasures.applicable(JSON.missingNode())).isEmpty();
        assertThat(SiteMeasures.applicable(JSON.createObjectNode().put("item", ISOLATED))).isEmpty();
    }

    @Test
    @DisplayName("A check that leaves a measure out is rejected and names it, shortened, in both languages")
    void missingMeasureIsNamed() {
        assertThatThrownBy(() -> confirm(MeasureConfirmation.of(List.of(3))))
                .isInstanceOfSatisfying(SiteActionException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("site.measures.unconfirmed");
                    assertThat(e.message(Locale.SIMPLIFIED_CHINESE)).isEqualTo(
                            "“作业前验票”前须逐项确认安全措施，尚未确认：第 1 项“与动火设备相连接的所有管线已断开，加盲板…”；"
                                    + "请到现场核实后勾选再提交");
                    assertThat(e.message(Locale.ENGLISH)).contains("not confirmed: measure 1 \"与动火设备相连接的所有管线已断开，加盲板…\"")
                            .doesNotContain(EXTINGUISHERS);
                });
        assertThatThrownBy(() -> confirm(new MeasureConfirmation(null, false)))
                .isInstanceOfSatisfying(SiteActionException.class, e -> assertThat(e.message(Locale.SIMPLIFIED_CHINESE))
                        .contains("第 1 项", "第 3 项“现场配备灭火器（2）台，灭火毯（1）块”"));
    }

    @Test
    @DisplayName("A check that confirms every measure that applies passes and returns the rows in order")
    void allConfirmed() {
        assertThat(confirm(MeasureConfirmation.of(List.of(3, 1, 3)))).containsExactly(1, 3);
    }

    @Test
    @DisplayName("The single tick is rejected on a permit with measure rows, and so is a row that does not apply")
    void tickAndUnknownRowsRejected() {
        assertThatThrownBy(() -> confirm(MeasureConfirmation.ticked(true)))
                .isInstanceOfSatisfying(SiteActionException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("site.measures.confirmEach");
                    assertThat(e.message(Locale.SIMPLIFIED_CHINESE)).contains("涉及的 2 项安全措施", "confirmedMeasures");
                });
        assertThatThrownBy(() -> confirm(MeasureConfirmation.of(List.of(1, 2, 3))))
                .isInstanceOfSatisfying(SiteActionException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("site.measures.unknown");
                    assertThat(e.message(Locale.SIMPLIFIED_CHINESE))
                            .startsWith("“作业前验票”：第 2 项不是本作业票涉及的安全措施（涉及的措施序号：1、3）");
                });
    }

    @Test
    @DisplayName("A permit without measure rows takes the single tick, and is rejected without it")
    void noMeasuresTakeTheTick() {
        assertThat(SiteMeasures.requireConfirmed(List.of(), MeasureConfirmation.ticked(true), SiteAction.HAND_OVER))
                .isEmpty();
        assertThatThrownBy(() -> SiteMeasures.requireConfirmed(List.of(), MeasureConfirmation.ticked(false),
                SiteAction.HAND_OVER))
                .isInstanceOfSatisfying(SiteActionException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("site.measuresNotConfirmed"));
    }

    private static List<Integer> confirm(MeasureConfirmation confirmation) {
        return SiteMeasures.requireConfirmed(HOT_WORK, confirmation, SiteAction.PRE_START_CHECK);
    }

    private static ArrayNode table() {
        ArrayNode rows = JSON.createArrayNode();
        rows.addObject().put("item", ISOLATED).put("applies", true).put("confirmedBy", "何班长");
        rows.addObject().put("item", "动火设备内部构件清洗干净，蒸汽吹扫或水洗置换合格").put("applies", false);
        rows.addObject().put("item", " " + EXTINGUISHERS).put("applies", true).put("confirmedBy", "何班长");
        return rows;
    }
}
