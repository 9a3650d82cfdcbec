package org.tezuo.app.ui.epermit;

import java.awt.Color;
import java.io.IOException;
import java.util.Base64;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openpdf.text.BadElementException;
import org.openpdf.text.Element;
import org.openpdf.text.Image;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfGState;
import org.openpdf.text.pdf.PdfTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Draws the site plan of a risk map into the PDF with OpenPDF vector graphics, as {@link RiskMapSvg} draws it on the
 * page: the plan image, the zone polygon in translucent red with its name and hazardous-area class, a green AED
 * circle and a blue muster-point square. The drawing is a form XObject the document places like an image.
 */
final class RiskMapPdf {

    private static final Logger log = LoggerFactory.getLogger(RiskMapPdf.class);

    private static final Color ZONE_COLOUR = new Color(0xdc2626);
    private static final Color ZONE_TEXT_COLOUR = new Color(0x7f1d1d);
    private static final Color AED_COLOUR = new Color(0x16a34a);
    private static final Color MUSTER_COLOUR = new Color(0x2563eb);
    private static final Color NO_IMAGE_COLOUR = new Color(0xf1f5f9);

    private RiskMapPdf() {
    }

    /**
     * Returns the drawing of the plan scaled to fit {@code maxWidth} × {@code maxHeight} points.
     *
     * @param aedMarker the word in the AED marker, such as AED
     * @param musterMarker the word in the muster-point marker, such as 集合
     */
    static Image draw(PdfContentByte content, RiskMap map, RiskMap.Plan plan, BaseFont font, float maxWidth,
            float maxHeight, String aedMarker, String musterMarker) {
        float scale = Math.min(maxWidth / plan.widthPx(), maxHeight / plan.heightPx());
        Canvas canvas = new Canvas(content.createTemplate(plan.widthPx() * scale, plan.heightPx() * scale), scale,
                plan.heightPx());
        PdfTemplate template = canvas.template();
        // The plan is in pixels, so sizes follow the SVG: one unit is a sixtieth of the plan's longer side.
        float unit = Math.max(plan.widthPx(), plan.heightPx()) / 60f;

        Image image = planImage(plan);
        if (image == null) {
            template.setColorFill(NO_IMAGE_COLOUR);
            template.rectangle(0, 0, template.getWidth(), template.getHeight());
            template.fill();
        } else {
            template.addImage(image, template.getWidth(), 0, 0, template.getHeight(), 0, 0);
        }
        if (!plan.polygon().isEmpty()) {
            zone(canvas, plan.polygon(), unit);
            RiskMap.Point centre = RiskMapSvg.centre(plan.polygon());
            label(canvas, font, map.zoneName() + " · " + map.areaClass(), centre.x(), centre.y(), unit * 1.6f,
                    ZONE_TEXT_COLOUR);
        }
        if (plan.aed() != null) {
            marker(canvas, font, plan.aed(), unit, AED_COLOUR, aedMarker, true);
        }
        if (plan.musterPoint() != null) {
            marker(canvas, font, plan.musterPoint(), unit, MUSTER_COLOUR, musterMarker, false);
        }
        template.setColorStroke(new Color(0x94a3b8));
        template.setLineWidth(0.5f);
        template.rectangle(0, 0, template.getWidth(), template.getHeight());
        template.stroke();
        try {
            return Image.getInstance(template);
        } catch (BadElementException e) {
            throw new IllegalStateException("The risk map drawing could not become an image", e);
        }
    }

    private static void zone(Canvas canvas, List<RiskMap.Point> polygon, float unit) {
        PdfTemplate template = canvas.template();
        template.saveState();
        PdfGState translucent = new PdfGState();
        translucent.setFillOpacity(0.3f);
        template.setGState(translucent);
        template.setColorFill(ZONE_COLOUR);
        path(canvas, polygon);
        template.fill();
        template.restoreState();
        template.setColorStroke(ZONE_COLOUR);
        template.setLineWidth(canvas.length(unit / 3));
        path(canvas, polygon);
        template.stroke();
    }

    private static void path(Canvas canvas, List<RiskMap.Point> polygon) {
        RiskMap.Point first = polygon.getFirst();
        canvas.template().moveTo(canvas.x(first.x()), canvas.y(first.y()));
        for (RiskMap.Point point : polygon.subList(1, polygon.size())) {
            canvas.template().lineTo(canvas.x(point.x()), canvas.y(point.y()));
        }
        canvas.template().closePath();
    }

    /** Draws a marker with its word in white: a circle for the AED, a square for the muster point. */
    private static void marker(Canvas canvas, BaseFont font, RiskMap.Point point, float unit, Color colour,
            String word, boolean round) {
        PdfTemplate template = canvas.template();
        float x = canvas.x(point.x());
        float y = canvas.y(point.y());
        float size = canvas.length(unit * 2);
        template.setColorFill(colour);
        template.setColorStroke(Color.WHITE);
        template.setLineWidth(canvas.length(unit / 4));
        if (round) {
            template.circle(x, y, size);
        } else {
            template.rectangle(x - size, y - size, size * 2, size * 2);
        }
        template.fillStroke();
        text(template, font, word, x, y - canvas.length(unit * 0.4f), canvas.length(unit * 1.1f), Color.WHITE);
    }

    /** Writes the zone's label on a white band, so it stays readable over the plan. */
    private static void label(Canvas canvas, BaseFont font, String text, double planX, double planY, float planSize,
            Color colour) {
        PdfTemplate template = canvas.template();
        float size = canvas.length(planSize);
        float width = font.getWidthPoint(text, size);
        float x = canvas.x(planX);
        float y = canvas.y(planY);
        template.saveState();
        PdfGState translucent = new PdfGState();
        translucent.setFillOpacity(0.8f);
        template.setGState(translucent);
        template.setColorFill(Color.WHITE);
        template.rectangle(x - width / 2 - 2, y - size * 0.35f, width + 4, size * 1.3f);
        template.fill();
        template.restoreState();
        text(template, font, text, x, y, size, colour);
    }

    private static void text(PdfTemplate template, BaseFont font, String text, float x, float y, float size,
            Color colour) {
        template.beginText();
        template.setColorFill(colour);
        template.setFontAndSize(font, size);
        template.showTextAligned(Element.ALIGN_CENTER, text, x, y, 0);
        template.endText();
    }

    /** Returns the plan image from its {@code data:} URI, or null when OpenPDF cannot read its format. */
    private static @Nullable Image planImage(RiskMap.Plan plan) {
        String uri = plan.imageDataUri();
        int comma = uri.indexOf(',');
        if (!uri.startsWith("data:") || comma < 0 || !uri.substring(0, comma).endsWith(";base64")) {
            return null;
        }
        try {
            return Image.getInstance(Base64.getDecoder().decode(uri.substring(comma + 1)));
        } catch (IOException | RuntimeException e) {
            log.info("The PDF draws the risk map without the plan image, which OpenPDF cannot read: {}", e.toString());
            return null;
        }
    }

    /** The template with the conversion from plan pixels (y down) to PDF points (y up). */
    private record Canvas(PdfTemplate template, float scale, int planHeightPx) {

        float x(double planX) {
            return (float) (planX * scale);
        }

        float y(double planY) {
            return (float) ((planHeightPx - planY) * scale);
        }

        float length(double planLength) {
            return (float) (planLength * scale);
        }
    }
}
