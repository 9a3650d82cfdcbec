package org.tezuo.core.file;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/** Recognises image types by their first bytes, whatever name or media type the uploader sent. */
final class ImageTypes {

    /** Bytes the check reads from the start of the content. */
    static final int HEADER_LENGTH = 12;

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff};
    private static final byte[] GIF = "GIF8".getBytes(StandardCharsets.US_ASCII);

    private ImageTypes() {
    }

    /** Returns the media type of the image whose content starts with {@code header}, or empty for no image. */
    static Optional<String> detect(byte[] header) {
        if (startsWith(header, PNG)) {
            return Optional.of("image/png");
        }
        if (startsWith(header, JPEG)) {
            return Optional.of("image/jpeg");
        }
        if (startsWith(header, GIF)) {
            return Optional.of("image/gif");
        }
        if (header.length >= 12 && ascii(header, 0, 4).equals("RIFF") && ascii(header, 8, 12).equals("WEBP")) {
            return Optional.of("image/webp");
        }
        // ISO base media files: size(4) "ftyp" brand(4). Phones store camera photos as HEIC.
        if (header.length >= 12 && ascii(header, 4, 8).equals("ftyp")) {
            String brand = ascii(header, 8, 12);
            if (brand.startsWith("hei") || brand.startsWith("hev") || brand.equals("mif1") || brand.equals("msf1")) {
                return Optional.of(brand.startsWith("mif") || brand.startsWith("msf") ? "image/heif" : "image/heic");
            }
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] header, byte[] prefix) {
        return header.length >= prefix.length && Arrays.equals(header, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static String ascii(byte[] header, int from, int to) {
        return new String(header, from, to - from, StandardCharsets.ISO_8859_1);
    }
}
