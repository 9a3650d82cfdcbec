package org.tezuo.app.ui.epermit;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Renders a risk map as HTML with an inline SVG: the plan image, the permit's zone polygon highlighted with its
 * name and hazardous-area class, an AED marker, a muster-point marker and a legend below. Without a plan, the same
 * facts come as a list. Every text comes from admin-entered records and is escaped, so it shows as text.
 */
final class RiskMapSvg {

    /** The words of the map in the reader's language, looked up by the caller. */
    record Labels(String title, String zone, String areaClass, String aed, String musterPoint, String aedMarker,
            String musterMarker, String noPlan, String none, String separator) {
    }

    private static final String ZONE_COLOUR = "#dc2626";
    private static final String AED_COLOUR = "#16a34a";
    private static final String MUSTER_COLOUR = "#2563eb";

    private RiskMapSvg() {
    }

    /** Returns one {@code <div>} holding the map and its legend, or the list when the zone has no plan. */
    static String render(RiskMap map, Labels labels) {
        StringBuilder html = new StringBuilder("<div id=\"epermit-risk-map\" class=\"tezuo-risk-map\">");
        html.append("<h3>").append(escape(labels.title())).append("</h3>");
        RiskMap.Plan plan = map.plan();
        if (plan == null) {
            html.append("<p class=\"tezuo-risk-map-no-plan\">").append(escape(labels.noPlan())).append("</p>");
        } else {
            html.append(svg(map, plan, labels));
        }
        html.append(legend(map, plan, labels)).append("</div>");
        return html.toString();
    }

    private static String svg(RiskMap map, RiskMap.Plan plan, Labels labels) {
        double unit = Math.max(plan.widthPx(), plan.heightPx()) / 60.0;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(plan.widthPx()).append(' ')
                .append(plan.heightPx()).append("\" style=\"width:100%;height:auto;max-width:")
                .append(plan.widthPx()).append("px\" role=\"img\" aria-label=\"")
                .append(escape(labels.title() + " " + map.zoneName())).append("\">");
        svg.append("<title>").append(escape(labels.title() + " " + map.zoneName())).append("</title>");
        svg.append("<image href=\"").append(escape(plan.imageDataUri())).append("\" x=\"0\" y=\"0\" width=\"")
                .append(plan.widthPx()).append("\" height=\"").append(plan.heightPx())
                .append("\" preserveAspectRatio=\"none\"/>");
        if (!plan.polygon().isEmpty()) {
            svg.append("<polygon class=\"tezuo-risk-map-zone\" points=\"").append(points(plan.polygon()))
                    .append("\" fill=\"").append(ZONE_COLOUR).append("\" fill-opacity=\"0.3\" stroke=\"")
                    .append(ZONE_COLOUR).append("\" stroke-width=\"").append(number(unit / 3)).append("\"/>");
            RiskMap.Point centre = centre(plan.polygon());
            svg.append("<text class=\"tezuo-risk-map-hazard\" x=\"").append(number(centre.x())).append("\" y=\"")
                    .append(number(centre.y())).append("\" text-anchor=\"middle\" font-size=\"")
                    .append(number(unit * 1.6)).append("\" font-weight=\"bold\" fill=\"#7f1d1d\" stroke=\"#ffffff\"")
                    .append(" stroke-width=\"").append(number(unit / 4)).append("\" paint-order=\"stroke\">")
                    .append(escape(map.zoneName() + " · " + map.areaClass())).append("</text>");
        }
        if (plan.aed() != null) {
            svg.append(marker("tezuo-risk-map-aed", plan.aed(), unit, AED_COLOUR, labels.aedMarker(), map.aed(),
                    true));
        }
        if (plan.musterPoint() != null) {
            svg.append(marker("tezuo-risk-map-muster", plan.musterPoint(), unit, MUSTER_COLOUR,
                    labels.musterMarker(), map.musterPoint(), false));
        }
        return svg.append("</svg>").toString();
    }

    /** Draws a marker: a green circle for the AED, a blue square for the muster point, with its name as title. */
    private static String marker(String className, RiskMap.Point point, double unit, String colour, String text,
            String name, boolean round) {
        StringBuilder marker = new StringBuilder("<g class=\"").append(className).append("\"><title>")
                .append(escape(text + (name.isEmpty() ? "" : " " + name))).append("</title>");
        // A plan 960 px wide shrinks to about a third on a phone, so markers are two sixtieths of the plan in size.
        double size = unit * 2;
        if (round) {
            marker.append("<circle cx=\"").append(number(point.x())).append("\" cy=\"").append(number(point.y()))
                    .append("\" r=\"").append(number(size));
        } else {
            marker.append("<rect x=\"").append(number(point.x() - size)).append("\" y=\"")
                    .append(number(point.y() - size)).append("\" width=\"").append(number(size * 2))
                    .append("\" height=\"").append(number(size * 2));
        }
        marker.append("\" fill=\"").append(colour).append("\" stroke=\"#ffffff\" stroke-width=\"")
                .append(number(unit / 4)).append("\"/>");
        marker.append("<text x=\"").append(number(point.x())).append("\" y=\"").append(number(point.y() + unit * 0.4))
                .append("\" text-anchor=\"middle\" font-size=\"").append(number(unit * 1.1))
                .append("\" font-weight=\"bold\" fill=\"#ffffff\">").append(escape(text)).append("</text>");
        return marker.append("</g>").toString();
    }

    private static String legend(RiskMap map, RiskMap.@Nullable Plan plan, Labels labels) {
        StringBuilder legend = new StringBuilder("<ul class=\"tezuo-risk-map-legend\">");
        legend.append(item(plan == null ? null : ZONE_COLOUR, labels.zone(), map.zoneName(), labels));
        legend.append(item(null, labels.areaClass(), map.areaClass(), labels));
        legend.append(item(plan == null || plan.aed() == null ? null : AED_COLOUR, labels.aed(), map.aed(), labels));
        legend.append(item(plan == null || plan.musterPoint() == null ? null : MUSTER_COLOUR, labels.musterPoint(),
                map.musterPoint(), labels));
        return legend.append("</ul>").toString();
    }

    private static String item(@Nullable String colour, String caption, String value, Labels labels) {
        String swatch = colour == null ? "" : "<span class=\"tezuo-risk-map-swatch\" style=\"background:" + colour
                + "\"></span>";
        return "<li>" + swatch + escape(caption) + escape(labels.separator())
                + escape(value.isEmpty() ? labels.none() : value) + "</li>";
    }

    private static String points(List<RiskMap.Point> polygon) {
        return polygon.stream().map(point -> number(point.x()) + "," + number(point.y()))
                .collect(Collectors.joining(" "));
    }

    /** Returns the mean of the polygon's corners, where the zone's label goes. */
    static RiskMap.Point centre(List<RiskMap.Point> polygon) {
        double x = polygon.stream().mapToDouble(RiskMap.Point::x).average().orElse(0);
        double y = polygon.stream().mapToDouble(RiskMap.Point::y).average().orElse(0);
        return new RiskMap.Point(x, y);
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }

    /** Escapes text for XML and HTML content and attribute values. */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
