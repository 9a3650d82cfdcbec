package org.tezuo.core.file;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/**
 * Images for the file store's tests: plain ones from {@link ImageIO}, and the same images with a script hidden in
 * every metadata place a browser or a viewer might read.
 */
final class TestImages {

    /** Text hidden in the metadata; no stored image may contain it. */
    static final String SCRIPT = "<script>window.__xss=1</script>";

    private TestImages() {
    }

    /** Returns a 4×3 PNG with a colour gradient and no metadata chunks. */
    static byte[] png() {
        return encode("png");
    }

    /** Returns a 16×8 JPEG with a colour gradient and only its JFIF header. */
    static byte[] jpeg() {
        return encode("jpeg");
    }

    /**
     * Returns {@link #jpeg()} with the script in an EXIF image description (next to orientation 6, rotate 90°),
     * in an XMP packet, in a comment, and after the end-of-image marker.
     */
    static byte[] jpegWithScripts() {
        byte[] plain = jpeg();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, 2);
        segment(out, 0xE1, exif(SCRIPT, 6));
        segment(out, 0xE1, concat("http://ns.adobe.com/xap/1.0/\0".getBytes(StandardCharsets.ISO_8859_1),
                ("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><dc:title>" + SCRIPT + "</dc:title></x:xmpmeta>")
                        .getBytes(StandardCharsets.UTF_8)));
        segment(out, 0xFE, SCRIPT.getBytes(StandardCharsets.UTF_8));
        out.write(plain, 2, plain.length - 2);
        out.writeBytes(("<html><body>" + SCRIPT + "</body></html>").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** Returns {@link #png()} with the script in tEXt and iTXt (XMP) chunks and after the IEND chunk. */
    static byte[] pngWithScripts() {
        byte[] plain = png();
        int afterHeader = 8 + 4 + 4 + 13 + 4;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, afterHeader);
        chunk(out, "tEXt", ("Comment\0" + SCRIPT).getBytes(StandardCharsets.ISO_8859_1));
        chunk(out, "iTXt", ("XML:com.adobe.xmp\0\0\0\0\0<x:xmpmeta>" + SCRIPT + "</x:xmpmeta>")
                .getBytes(StandardCharsets.UTF_8));
        out.write(plain, afterHeader, plain.length - afterHeader);
        out.writeBytes(SCRIPT.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** Returns the pixels of an image as ARGB values, row by row. */
    static int[] pixels(byte[] image) {
        try {
            BufferedImage decoded = ImageIO.read(new java.io.ByteArrayInputStream(image));
            return decoded.getRGB(0, 0, decoded.getWidth(), decoded.getHeight(), null, 0, decoded.getWidth());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] encode(String format) {
        BufferedImage image = new BufferedImage(format.equals("png") ? 4 : 16, format.equals("png") ? 3 : 8,
                BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                image.setRGB(x, y, (x * 40) << 16 | (y * 60) << 8 | 0x80);
            }
        }
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, format, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns an EXIF payload (big-endian TIFF) with an ImageDescription and an Orientation in its first IFD. */
    private static byte[] exif(String description, int orientation) {
        byte[] text = (description + "\0").getBytes(StandardCharsets.US_ASCII);
        ByteBuffer tiff = ByteBuffer.allocate(8 + 2 + 2 * 12 + 4 + text.length);
        tiff.put(new byte[] {'M', 'M', 0, 42}).putInt(8);
        tiff.putShort((short) 2);
        tiff.putShort((short) 0x010E).putShort((short) 2).putInt(text.length).putInt(8 + 2 + 2 * 12 + 4);
        tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        tiff.putInt(0);
        tiff.put(text);
        return concat("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1), tiff.array());
    }

    private static void segment(ByteArrayOutputStream out, int marker, byte[] payload) {
        int length = payload.length + 2;
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) marker, (byte) (length >> 8), (byte) length});
        out.writeBytes(payload);
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.ISO_8859_1);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] joined = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, joined, first.length, second.length);
        return joined;
    }
}
