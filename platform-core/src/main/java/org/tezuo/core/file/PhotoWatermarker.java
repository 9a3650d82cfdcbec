package org.tezuo.core.file;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.tezuo.core.font.BundledFont;

/**
 * Stores a photo twice: the original bytes unchanged, and a copy with text lines (time, uploader, subject,
 * location) drawn on a dark band at its bottom with Java2D in the bundled Noto Sans CJK font. Each is its own
 * {@code stored_file} with its own SHA-256. The copy is a PNG of the same width and height as the original.
 *
 * <p>NOTE: the JDK's javax.imageio decodes PNG, JPEG and GIF but not WebP or HEIC, so such a photo is rejected
 * with {@link FileRejectedException} before anything is stored. EXIF GPS tags are not read.
 */
@Component
public class PhotoWatermarker {

    private static final Logger LOG = LoggerFactory.getLogger(PhotoWatermarker.class);
    /** Height of one text line as a share of the shorter side of the photo, and its bounds in pixels. */
    private static final double LINE_SHARE = 0.035;
    private static final int MIN_FONT_PIXELS = 10;
    private static final int MAX_FONT_PIXELS = 48;
    private static final Color BAND = new Color(0, 0, 0, 150);

    private static volatile Font baseFont;

    private final FileStore files;

    public PhotoWatermarker(FileStore files) {
        this.files = files;
    }

    /** The original photo as uploaded and its watermarked copy. */
    public record WatermarkedPhoto(StoredFile original, StoredFile watermarked) {
    }

    /**
     * Stores {@code content} unchanged as an image and a watermarked PNG copy named after it.
     *
     * @param lines the text drawn on the copy, top to bottom
     * @throws FileRejectedException when the content is no image or javax.imageio cannot decode it
     */
    public WatermarkedPhoto store(long tenantId, String uploadedBy, String originalName, String declaredType,
            byte[] content, List<String> lines) {
        BufferedImage image = decode(originalName, declaredType, content);
        StoredFile original = files.store(tenantId, uploadedBy, FileKind.IMAGE, originalName, declaredType,
                new ByteArrayInputStream(content));
        byte[] copy = encodePng(draw(image, lines));
        StoredFile watermarked = files.store(tenantId, uploadedBy, FileKind.IMAGE, watermarkedName(originalName),
                "image/png", new ByteArrayInputStream(copy));
        LOG.info("Watermarked photo {} as {} for tenant {}", original.id(), watermarked.id(), tenantId);
        return new WatermarkedPhoto(original, watermarked);
    }

    private static BufferedImage decode(String name, String declaredType, byte[] content) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(content));
            if (image == null) {
                throw FileRejectedException.notAnImage(name, declaredType);
            }
            return image;
        } catch (IOException e) {
            throw FileRejectedException.notAnImage(name, declaredType);
        }
    }

    /** Draws the lines on a new copy of {@code image}, leaving {@code image} itself unchanged. */
    static BufferedImage draw(BufferedImage image, List<String> lines) {
        int width = image.getWidth();
        int height = image.getHeight();
        BufferedImage copy = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = copy.createGraphics();
        try {
            graphics.drawImage(image, 0, 0, Color.WHITE, null);
            graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            int fontPixels = (int) Math.round(Math.min(width, height) * LINE_SHARE);
            fontPixels = Math.clamp(fontPixels, MIN_FONT_PIXELS, MAX_FONT_PIXELS);
            graphics.setFont(font().deriveFont((float) fontPixels));
            FontMetrics metrics = graphics.getFontMetrics();
            int lineHeight = metrics.getHeight();
            int padding = Math.max(2, fontPixels / 3);
            int bandHeight = Math.min(height, lines.size() * lineHeight + 2 * padding);

            graphics.setComposite(AlphaComposite.SrcOver);
            graphics.setColor(BAND);
            graphics.fillRect(0, height - bandHeight, width, bandHeight);

            graphics.setColor(Color.WHITE);
            int baseline = height - bandHeight + padding + metrics.getAscent();
            for (String line : lines) {
                graphics.drawString(line, padding, baseline);
                baseline += lineHeight;
            }
        } finally {
            graphics.dispose();
        }
        return copy;
    }

    private static byte[] encodePng(BufferedImage image) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String watermarkedName(String originalName) {
        String name = originalName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return (dot > 0 ? name.substring(0, dot) : name) + "-watermarked.png";
    }

    /** Returns the bundled CJK font, loaded once, never one from the system's font directories. */
    private static Font font() {
        Font font = baseFont;
        if (font == null) {
            font = BundledFont.awt();
            baseFont = font;
        }
        return font;
    }
}
