package org.tezuo.app.ui.epermit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RiskMapSvgTest {

    private static final RiskMapSvg.Labels LABELS = new RiskMapSvg.Labels("风险地图", "作业区域", "爆炸危险区域划分",
            "最近 AED", "紧急集合点", "AED", "集合", "该区域尚未关联平面图", "无", "：");
    private static final String IMAGE = "data:image/png;base64,iVBORw0KGgo=";

    @Test
    @DisplayName("The map draws the plan, the zone polygon with its class, the AED and muster markers and a legend")
    void drawsPlanZoneAndMarkers() {
        RiskMap map = new RiskMap("LNG 储罐区", "1 区", "中控室 AED", "1# 集合点", new RiskMap.Plan(IMAGE, 960, 600,
                RiskMap.Point.polygon("80,90 380,90 380,330 80,330"), new RiskMap.Point(420, 120),
                new RiskMap.Point(40, 520)));

        String html = RiskMapSvg.render(map, LABELS);

        assertThat(html).startsWith("<div id=\"epermit-risk-map\" class=\"tezuo-risk-map\"><h3>风险地图</h3><svg ");
        assertThat(html).contains("viewBox=\"0 0 960 600\"",
                "<image href=\"" + IMAGE + "\" x=\"0\" y=\"0\" width=\"960\"",
                "<polygon class=\"tezuo-risk-map-zone\" points=\"80,90 380,90 380,330 80,330\"",
                ">LNG 储罐区 · 1 区</text>",
                "<g class=\"tezuo-risk-map-aed\"><title>AED 中控室 AED</title><circle cx=\"420\" cy=\"120\"",
                "<g class=\"tezuo-risk-map-muster\"><title>集合 1# 集合点</title><rect x=\"8\" y=\"488\"",
                "<ul class=\"tezuo-risk-map-legend\">", "作业区域：LNG 储罐区</li>", "爆炸危险区域划分：1 区</li>",
                "最近 AED：中控室 AED</li>", "紧急集合点：1# 集合点</li>");
        assertThat(html).endsWith("</ul></div>");
    }

    @Test
    @DisplayName("Admin-entered names are escaped, so markup in them shows as text")
    void escapesAdminText() {
        RiskMap map = new RiskMap("<script>alert(1)</script>", "1 区", "A&B \"AED\"", "'集合'",
                new RiskMap.Plan("data:image/png;base64,x\"onload=\"alert(1)", 100, 100,
                        RiskMap.Point.polygon("[[0,0],[50,0],[50,50]]"), new RiskMap.Point(10, 10),
                        new RiskMap.Point(20, 20)));

        String html = RiskMapSvg.render(map, LABELS);

        assertThat(html).doesNotContain("<script>", "\"onload=\"", "'集合'");
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt; · 1 区", "A&amp;B &quot;AED&quot;",
                "&#39;集合&#39;", "x&quot;onload=&quot;alert(1)", "points=\"0,0 50,0 50,50\"");
    }

    @Test
    @DisplayName("Without a plan the zone, class, AED and muster point are listed as text")
    void listsFactsWithoutPlan() {
        RiskMap map = new RiskMap("1# 码头", "2 区", "", "2# 集合点", null);

        String html = RiskMapSvg.render(map, LABELS);

        assertThat(html).doesNotContain("<svg", "tezuo-risk-map-swatch");
        assertThat(html).isEqualTo("<div id=\"epermit-risk-map\" class=\"tezuo-risk-map\"><h3>风险地图</h3>"
                + "<p class=\"tezuo-risk-map-no-plan\">该区域尚未关联平面图</p><ul class=\"tezuo-risk-map-legend\">"
                + "<li>作业区域：1# 码头</li><li>爆炸危险区域划分：2 区</li><li>最近 AED：无</li>"
                + "<li>紧急集合点：2# 集合点</li></ul></div>");
    }

    @Test
    @DisplayName("Polygons are read from pairs or JSON, and malformed text gives no polygon")
    void readsPolygons() {
        assertThat(RiskMap.Point.polygon("10,20 30,40; 50,60")).containsExactly(new RiskMap.Point(10, 20),
                new RiskMap.Point(30, 40), new RiskMap.Point(50, 60));
        assertThat(RiskMap.Point.polygon("{\"type\":\"Polygon\"}")).isEmpty();
        assertThat(RiskMap.Point.polygon("10,20 30,40")).isEmpty();
        assertThat(RiskMap.Point.polygon("10,20 30,40 50")).isEmpty();
        assertThat(RiskMap.Point.parse("12.5，7")).contains(new RiskMap.Point(12.5, 7));
        assertThat(List.of(RiskMap.Point.parse("x,y"), RiskMap.Point.parse(null))).allMatch(point -> point.isEmpty());
    }
}
