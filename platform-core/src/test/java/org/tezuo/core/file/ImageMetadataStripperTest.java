package org.tezuo.core.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageMetadataStripperTest {

    @TempDir
    Path directory;

    @Test
    @DisplayName("A JPEG loses EXIF, XMP, comment and trailing bytes but keeps pixels and orientation")
    void jpegLosesMetadataButKeepsPixels() throws IOException {
        byte[] original = TestImages.jpegWithScripts();

        byte[] stripped = strip(original, "image/jpeg");

        assertThat(new String(original, StandardCharsets.ISO_8859_1)).contains(TestImages.SCRIPT);
        assertThat(new String(stripped, StandardCharsets.ISO_8859_1)).doesNotContain("script").doesNotContain("xmp");
        assertThat(TestImages.pixels(stripped)).isEqualTo(TestImages.pixels(TestImages.jpeg()));
        assertThat(Arrays.copyOfRange(stripped, stripped.length - 2, stripped.length))
                .isEqualTo(new byte[] {(byte) 0xFF, (byte) 0xD9});
        assertThat(ImageMetadataStripper.exifOrientation(exifPayload(stripped))).isEqualTo(6);
    }

    @Test
    @DisplayName("A JPEG without metadata is stored byte for byte")
    void plainJpegIsUnchanged() throws IOException {
        byte[] plain = TestImages.jpeg();

        assertThat(strip(plain, "image/jpeg")).isEqualTo(plain);
    }

    @Test
    @DisplayName("A PNG loses text chunks and trailing bytes but keeps pixels")
    void pngLosesTextChunks() throws IOException {
        byte[] stripped = strip(TestImages.pngWithScripts(), "image/png");

        assertThat(new String(stripped, StandardCharsets.ISO_8859_1)).doesNotContain("script").doesNotContain("tEXt")
                .doesNotContain("iTXt");
        assertThat(stripped).isEqualTo(TestImages.png());
        assertThat(TestImages.pixels(stripped)).isEqualTo(TestImages.pixels(TestImages.png()));
    }

    @Test
    @DisplayName("A truncated PNG is reported as damaged")
    void truncatedPngIsDamaged() {
        byte[] png = TestImages.png();
        byte[] truncated = Arrays.copyOf(png, png.length - 20);

        assertThatThrownBy(() -> strip(truncated, "image/png"))
                .isInstanceOf(ImageMetadataStripper.DamagedImageException.class);
    }

    @Test
    @DisplayName("A JPEG header followed by text is reported as damaged")
    void jpegHeaderWithTextIsDamaged() {
        byte[] fake = ("\u00ff\u00d8\u00ff\u00e0" + "<html>" + TestImages.SCRIPT).getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> strip(fake, "image/jpeg"))
                .isInstanceOf(ImageMetadataStripper.DamagedImageException.class);
    }

    @Test
    @DisplayName("A JPEG cut off inside its scan still ends with an end-of-image marker")
    void jpegCutInScanIsClosed() throws IOException {
        byte[] jpeg = TestImages.jpeg();
        byte[] cut = Arrays.copyOf(jpeg, jpeg.length - 10);

        byte[] stripped = strip(cut, "image/jpeg");

        assertThat(Arrays.copyOfRange(stripped, stripped.length - 2, stripped.length))
                .isEqualTo(new byte[] {(byte) 0xFF, (byte) 0xD9});
    }

    private byte[] strip(byte[] content, String contentType) throws IOException {
        Path source = Files.write(directory.resolve("source"), content);
        Path target = directory.resolve("target");
        ImageMetadataStripper.strip(source, target, contentType);
        return Files.readAllBytes(target);
    }

    /** Returns the payload of the first APP1 segment of a JPEG. */
    private static byte[] exifPayload(byte[] jpeg) {
        int offset = 2;
        while (offset + 4 < jpeg.length) {
            int marker = jpeg[offset + 1] & 0xFF;
            int length = ((jpeg[offset + 2] & 0xFF) << 8) | (jpeg[offset + 3] & 0xFF);
            if (marker == 0xE1) {
                return Arrays.copyOfRange(jpeg, offset + 4, offset + 2 + length);
            }
            offset += 2 + length;
        }
        return new byte[0];
    }
}
