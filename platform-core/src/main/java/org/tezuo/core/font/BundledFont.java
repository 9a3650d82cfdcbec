package org.tezuo.core.font;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.openpdf.text.pdf.BaseFont;

/**
 * The CJK font Tezuo ships, so Chinese renders in PDFs and watermarks on a server without fonts: a Noto Sans CJK SC
 * subset with TrueType outlines (SIL Open Font License 1.1, licence next to the file). It covers ASCII, Latin-1,
 * common punctuation and symbols and the 6,763 hanzi of GB 2312; it is always read from the class path, never from
 * the system's font directories.
 *
 * <p>NOTE: a name with a hanzi outside GB 2312 (some rare surname characters) renders without that glyph.
 */
public final class BundledFont {

    private static final String FILE = "NotoSansCJKsc-Regular-GB2312.ttf";

    /** Class-path location of the font file. */
    public static final String RESOURCE = "/org/tezuo/core/qualification/health/fonts/" + FILE;

    private static volatile byte[] bytes;

    private BundledFont() {
    }

    /** Returns the font for OpenPDF, embedded as a subset of the glyphs a document uses. */
    public static BaseFont pdf() {
        try {
            return BaseFont.createFont(FILE, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, bytes(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns the font for Java2D at size 1; derive the size with {@link Font#deriveFont(float)}. */
    public static Font awt() {
        try (InputStream in = new ByteArrayInputStream(bytes())) {
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (FontFormatException e) {
            throw new IllegalStateException("The bundled font " + RESOURCE + " is not a TrueType font", e);
        }
    }

    private static byte[] bytes() {
        byte[] loaded = bytes;
        if (loaded == null) {
            try (InputStream in = BundledFont.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("The bundled font " + RESOURCE + " is missing from the class path");
                }
                loaded = in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            bytes = loaded;
        }
        return loaded;
    }
}
