package org.tezuo.app.ui.epermit;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openpdf.text.Document;
import org.openpdf.text.Image;
import org.openpdf.text.PageSize;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.PdfWriter;
import org.openpdf.text.pdf.parser.PdfTextExtractor;
import org.tezuo.core.font.BundledFont;

class RiskMapPdfTest {

    private static final BaseFont FONT = BundledFont.pdf();

    @Test
    @DisplayName("The plan is scaled to fit, with the zone's name and class and both markers drawn on it")
    void drawsZoneAndMarkersScaledToFit() throws IOException {
        RiskMap map = new RiskMap("LNG 储罐区", "1 区", "中控室 AED", "1# 集合点", new RiskMap.Plan(png(960, 600),
                960, 600, RiskMap.Point.polygon("80,90 380,90 380,330 80,330"), new RiskMap.Point(420, 120),
                new RiskMap.Point(40, 520)));

        Drawn drawn = draw(map);

        assertThat(drawn.image().getScaledWidth()).isEqualTo(480f);
        assertThat(drawn.image().getScaledHeight()).isEqualTo(300f);
        assertThat(drawn.text()).contains("LNG 储罐区 · 1 区", "AED", "集合");
    }

    @Test
    @DisplayName("A plan image OpenPDF cannot read leaves a blank plan with the zone and markers still drawn")
    void drawsWithoutReadableImage() throws IOException {
        RiskMap map = new RiskMap("1# 码头", "2 区", "", "", new RiskMap.Plan("data:image/webp;base64,UklGRg==",
                100, 200, RiskMap.Point.polygon("10,10 90,10 90,90"), null, new RiskMap.Point(50, 150)));

        Drawn drawn = draw(map);

        assertThat(drawn.image().getScaledHeight()).isEqualTo(300f);
        assertThat(drawn.text()).contains("1# 码头 · 2 区", "集合").doesNotContain("AED");
    }

    private record Drawn(Image image, String text) {
    }

    private static Drawn draw(RiskMap map) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 36, 36, 36, 36);
        PdfWriter writer = PdfWriter.getInstance(document, out);
        document.open();
        Image image = RiskMapPdf.draw(writer.getDirectContent(), map, map.plan(), FONT, 523, 300, "AED", "集合");
        document.add(image);
        document.close();
        return new Drawn(image, new PdfTextExtractor(new PdfReader(out.toByteArray())).getTextFromPage(1));
    }

    private static String png(int width, int height) throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", png);
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray());
    }
}
