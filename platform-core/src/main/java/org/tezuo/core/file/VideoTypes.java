package org.tezuo.core.file;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * Recognises the video containers browsers play without plug-ins, MP4 and WebM, by their first bytes, whatever
 * name or media type the uploader sent.
 */
final class VideoTypes {

    /** Bytes the check reads from the start of the content; the WebM DocType lies within the EBML header. */
    static final int HEADER_LENGTH = 64;

    /**
     * Major brands of the {@code ftyp} box that mark an MP4 video (ISO/IEC 14496-12 and -14 and common encoder
     * brands). HEIF images, QuickTime ({@code qt  }) and audio-only ({@code M4A }) files share the box but not
     * these brands.
     */
    private static final Set<String> MP4_BRANDS = Set.of("isom", "iso2", "iso3", "iso4", "iso5", "iso6", "mp41",
            "mp42", "avc1", "M4V ", "M4VH", "M4VP", "mmp4", "dash", "MSNV", "XAVC", "f4v ");

    private static final byte[] EBML_MAGIC = {0x1a, 0x45, (byte) 0xdf, (byte) 0xa3};

    /** EBML DocType element id followed by a one-byte size of 4 and the text {@code webm}. */
    private static final byte[] WEBM_DOC_TYPE = {0x42, (byte) 0x82, (byte) 0x84, 'w', 'e', 'b', 'm'};

    private VideoTypes() {
    }

    /** Returns the media type of the video whose content starts with {@code header}, or empty for no video. */
    static Optional<String> detect(byte[] header) {
        if (header.length >= 12 && ascii(header, 4, 8).equals("ftyp") && MP4_BRANDS.contains(ascii(header, 8, 12))) {
            return Optional.of("video/mp4");
        }
        if (startsWith(header, EBML_MAGIC) && indexOf(header, WEBM_DOC_TYPE) > 0) {
            return Optional.of("video/webm");
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] header, byte[] prefix) {
        return header.length >= prefix.length
                && java.util.Arrays.equals(header, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static int indexOf(byte[] header, byte[] part) {
        for (int start = 0; start + part.length <= header.length; start++) {
            if (java.util.Arrays.equals(header, start, start + part.length, part, 0, part.length)) {
                return start;
            }
        }
        return -1;
    }

    private static String ascii(byte[] header, int from, int to) {
        return new String(header, from, to - from, StandardCharsets.ISO_8859_1);
    }
}
