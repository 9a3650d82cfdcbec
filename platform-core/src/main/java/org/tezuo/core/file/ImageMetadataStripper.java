package org.tezuo.core.file;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;

/**
 * Copies a JPEG or PNG without its metadata, losslessly: the pixels, colour profile and decoding tables stay byte
 * for byte, and EXIF, XMP, IPTC, comments, text chunks, thumbnails and any bytes after the end of the image go. A
 * text that an uploader hid there (a script, an HTML page, a location) therefore never reaches another user. The
 * EXIF orientation of a JPEG is kept in a minimal EXIF segment of its own, so phone photos stay upright.
 */
final class ImageMetadataStripper {

    /** PNG chunks that describe the image; every other chunk, such as tEXt, iTXt (XMP) or eXIf, is dropped. */
    private static final Set<String> PNG_KEPT_CHUNKS = Set.of("IHDR", "PLTE", "IDAT", "IEND", "tRNS", "cHRM",
            "gAMA", "iCCP", "sBIT", "sRGB", "cICP", "mDCV", "cLLI", "pHYs", "bKGD", "hIST", "acTL", "fcTL", "fdAT");
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final int SOI = 0xD8;
    private static final int EOI = 0xD9;
    private static final int SOS = 0xDA;
    private static final int APP0 = 0xE0;
    private static final int APP1 = 0xE1;
    private static final int APP2 = 0xE2;
    private static final int APP14 = 0xEE;
    private static final int COM = 0xFE;
    private static final int EXIF_ORIENTATION = 0x0112;

    private ImageMetadataStripper() {
    }

    /** Tells whether {@link #strip} rewrites images of {@code contentType}; other images are stored as sent. */
    static boolean strips(String contentType) {
        return contentType.equals("image/jpeg") || contentType.equals("image/png");
    }

    /**
     * Writes {@code source} without metadata to {@code target}.
     *
     * @throws DamagedImageException when the content does not have the structure of its type
     */
    static void strip(Path source, Path target, String contentType) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(source)));
                OutputStream out = new BufferedOutputStream(Files.newOutputStream(target))) {
            switch (contentType) {
                case "image/jpeg" -> stripJpeg(in, out);
                case "image/png" -> stripPng(in, out);
                default -> throw new IllegalArgumentException("No metadata stripping for " + contentType);
            }
        } catch (EOFException e) {
            throw new DamagedImageException("the content ends inside a header");
        }
    }

    /** Thrown when an image's structure cannot be followed; the store rejects the upload. */
    static final class DamagedImageException extends IOException {

        DamagedImageException(String reason) {
            super(reason);
        }
    }

    private static void stripJpeg(DataInputStream in, OutputStream out) throws IOException {
        if (in.readUnsignedByte() != 0xFF || in.readUnsignedByte() != SOI) {
            throw new DamagedImageException("no JPEG start-of-image marker");
        }
        out.write(new byte[] {(byte) 0xFF, (byte) SOI});
        int marker = nextMarker(in);
        while (marker != EOI) {
            if (isStandalone(marker)) {
                out.write(new byte[] {(byte) 0xFF, (byte) marker});
                marker = nextMarker(in);
                continue;
            }
            int length = in.readUnsignedShort();
            if (length < 2) {
                throw new DamagedImageException("JPEG segment 0x" + Integer.toHexString(marker) + " has length "
                        + length);
            }
            byte[] payload = in.readNBytes(length - 2);
            if (payload.length != length - 2) {
                throw new DamagedImageException("the content ends inside JPEG segment 0x"
                        + Integer.toHexString(marker));
            }
            byte[] kept = keptPayload(marker, payload);
            if (kept != null) {
                writeSegment(out, marker, kept);
            }
            marker = marker == SOS ? copyScan(in, out) : nextMarker(in);
        }
        // Bytes after the end-of-image marker are not read, so nothing appended to the image is stored.
        out.write(new byte[] {(byte) 0xFF, (byte) EOI});
    }

    /** Returns the payload to write for a segment, possibly shortened, or null to drop the segment. */
    private static byte[] keptPayload(int marker, byte[] payload) {
        if (marker == APP0) {
            // JFIF: keep version, units and density (14 bytes) and drop the optional thumbnail.
            if (!startsWith(payload, "JFIF\0") || payload.length < 14) {
                return null;
            }
            byte[] jfif = Arrays.copyOf(payload, 14);
            jfif[12] = 0;
            jfif[13] = 0;
            return jfif;
        }
        if (marker == APP1) {
            int orientation = startsWith(payload, "Exif\0\0") ? exifOrientation(payload) : 1;
            return orientation == 1 ? null : minimalExif(orientation);
        }
        if (marker == APP2) {
            return startsWith(payload, "ICC_PROFILE\0") ? payload : null;
        }
        if (marker == APP14) {
            // Adobe: gives the decoder the colour transform of CMYK and YCCK images.
            return startsWith(payload, "Adobe") ? payload : null;
        }
        boolean metadata = (marker >= APP0 && marker <= 0xEF) || marker == COM;
        return metadata ? null : payload;
    }

    /**
     * Copies the entropy-coded data after a start-of-scan header, with its stuffed zero bytes and restart markers,
     * and returns the marker that ends it. A file that ends inside the scan, as a camera's truncated photo does,
     * ends there as if an end-of-image marker followed.
     */
    private static int copyScan(DataInputStream in, OutputStream out) throws IOException {
        while (true) {
            int value = in.read();
            if (value == -1) {
                return EOI;
            }
            if (value != 0xFF) {
                out.write(value);
                continue;
            }
            int next = in.read();
            while (next == 0xFF) {
                next = in.read();
            }
            if (next == -1) {
                return EOI;
            }
            if (next == 0x00 || (next >= 0xD0 && next <= 0xD7)) {
                out.write(0xFF);
                out.write(next);
                continue;
            }
            return next;
        }
    }

    private static int nextMarker(DataInputStream in) throws IOException {
        if (in.readUnsignedByte() != 0xFF) {
            throw new DamagedImageException("a JPEG segment does not start with 0xFF");
        }
        int marker = in.readUnsignedByte();
        while (marker == 0xFF) {
            marker = in.readUnsignedByte();
        }
        return marker;
    }

    private static boolean isStandalone(int marker) {
        return marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7);
    }

    private static void writeSegment(OutputStream out, int marker, byte[] payload) throws IOException {
        int length = payload.length + 2;
        out.write(new byte[] {(byte) 0xFF, (byte) marker, (byte) (length >> 8), (byte) length});
        out.write(payload);
    }

    /** Returns the orientation (1 to 8) in the first IFD of an EXIF payload, or 1 when it has none or is damaged. */
    static int exifOrientation(byte[] payload) {
        int tiff = 6;
        if (payload.length < tiff + 8) {
            return 1;
        }
        boolean bigEndian = payload[tiff] == 'M' && payload[tiff + 1] == 'M';
        boolean littleEndian = payload[tiff] == 'I' && payload[tiff + 1] == 'I';
        if (!bigEndian && !littleEndian) {
            return 1;
        }
        long ifd = tiff + unsigned(payload, tiff + 4, 4, bigEndian);
        if (ifd + 2 > payload.length) {
            return 1;
        }
        int entries = (int) unsigned(payload, (int) ifd, 2, bigEndian);
        for (int i = 0; i < entries; i++) {
            int entry = (int) ifd + 2 + i * 12;
            if (entry + 12 > payload.length) {
                return 1;
            }
            if (unsigned(payload, entry, 2, bigEndian) == EXIF_ORIENTATION) {
                int value = (int) unsigned(payload, entry + 8, 2, bigEndian);
                return value >= 1 && value <= 8 ? value : 1;
            }
        }
        return 1;
    }

    /** Returns an EXIF payload whose only entry is the orientation, big-endian. */
    private static byte[] minimalExif(int orientation) {
        return new byte[] {'E', 'x', 'i', 'f', 0, 0,
            'M', 'M', 0, 42, 0, 0, 0, 8,
            0, 1,
            0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, (byte) orientation, 0, 0,
            0, 0, 0, 0};
    }

    private static long unsigned(byte[] bytes, int offset, int length, boolean bigEndian) {
        long value = 0;
        for (int i = 0; i < length; i++) {
            int index = bigEndian ? offset + i : offset + length - 1 - i;
            value = (value << 8) | (bytes[index] & 0xFF);
        }
        return value;
    }

    private static void stripPng(DataInputStream in, OutputStream out) throws IOException {
        byte[] signature = in.readNBytes(PNG_SIGNATURE.length);
        if (!Arrays.equals(signature, PNG_SIGNATURE)) {
            throw new DamagedImageException("no PNG signature");
        }
        out.write(signature);
        boolean first = true;
        while (true) {
            int length = in.readInt();
            byte[] type = in.readNBytes(4);
            String name = new String(type, StandardCharsets.ISO_8859_1);
            if (length < 0 || type.length != 4) {
                throw new DamagedImageException("a PNG chunk header is damaged");
            }
            if (first && !name.equals("IHDR")) {
                throw new DamagedImageException("the first PNG chunk is " + name + ", not IHDR");
            }
            first = false;
            boolean keep = PNG_KEPT_CHUNKS.contains(name);
            if (keep) {
                out.write(new byte[] {(byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8),
                    (byte) length});
                out.write(type);
            }
            // The data and the 4-byte CRC are copied as they are, or skipped with the chunk.
            transfer(in, keep ? out : OutputStream.nullOutputStream(), length + 4L);
            if (name.equals("IEND")) {
                return;
            }
        }
    }

    private static void transfer(InputStream in, OutputStream out, long count) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long remaining = count;
        while (remaining > 0) {
            int read = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
            if (read == -1) {
                throw new DamagedImageException("the content ends inside a PNG chunk");
            }
            out.write(buffer, 0, read);
            remaining -= read;
        }
    }

    private static boolean startsWith(byte[] payload, String prefix) {
        byte[] expected = prefix.getBytes(StandardCharsets.ISO_8859_1);
        return payload.length >= expected.length && Arrays.equals(payload, 0, expected.length, expected, 0,
                expected.length);
    }
}
