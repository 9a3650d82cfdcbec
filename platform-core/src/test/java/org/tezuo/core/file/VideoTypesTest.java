package org.tezuo.core.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class VideoTypesTest {

    @Test
    void mp4BrandIsVideo() {
        byte[] header = {0, 0, 0, 0x20, 'f', 't', 'y', 'p', 'm', 'p', '4', '2', 0, 0, 0, 0};

        assertThat(VideoTypes.detect(header)).hasValue("video/mp4");
    }

    @Test
    void webmDocTypeIsVideo() {
        byte[] header = {0x1a, 0x45, (byte) 0xdf, (byte) 0xa3, (byte) 0x9f, 0x42, (byte) 0x86, (byte) 0x81, 0x01,
            0x42, (byte) 0xf7, (byte) 0x81, 0x01, 0x42, (byte) 0x82, (byte) 0x84, 'w', 'e', 'b', 'm', 0x42,
            (byte) 0x87, (byte) 0x81, 0x04};

        assertThat(VideoTypes.detect(header)).hasValue("video/webm");
    }

    @Test
    void matroskaIsNoVideo() {
        byte[] header = {0x1a, 0x45, (byte) 0xdf, (byte) 0xa3, (byte) 0xa3, 0x42, (byte) 0x82, (byte) 0x88, 'm', 'a',
            't', 'r', 'o', 's', 'k', 'a'};

        assertThat(VideoTypes.detect(header)).isEmpty();
    }

    @Test
    void heicPhotoIsNoVideo() {
        byte[] header = {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'h', 'e', 'i', 'c', 0, 0, 0, 0};

        assertThat(VideoTypes.detect(header)).isEmpty();
    }

    @Test
    void quickTimeIsNoVideo() {
        byte[] header = {0, 0, 0, 0x14, 'f', 't', 'y', 'p', 'q', 't', ' ', ' ', 0, 0, 0, 0};

        assertThat(VideoTypes.detect(header)).isEmpty();
    }

    @Test
    void textIsNoVideo() {
        byte[] header = "这不是视频，只是一段文字。".getBytes(StandardCharsets.UTF_8);

        assertThat(VideoTypes.detect(header)).isEmpty();
    }

    @Test
    void shortContentIsNoVideo() {
        assertThat(VideoTypes.detect(new byte[] {0, 0, 0})).isEmpty();
    }
}
