package org.tezuo.core.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.security.MessageDigest;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.tezuo.core.tenant.TenantDirectory;

@SpringBootTest(properties = "tezuo.files.dir=target/test-files")
class PhotoWatermarkerTest {

    @Autowired
    PhotoWatermarker watermarker;

    @Autowired
    FileStore files;

    @Autowired
    TenantDirectory tenants;

    private long tenantId;

    @BeforeEach
    void createTenant() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        tenantId = tenants.create("photo-" + suffix, "照片测试", null, ZoneId.of("Asia/Shanghai")).id();
    }

    @Test
    @DisplayName("The original is kept byte for byte and the copy is a different image of the same size")
    void keepsOriginalAndStoresCopy() throws Exception {
        byte[] jpeg = photo(640, 480, "jpeg");

        PhotoWatermarker.WatermarkedPhoto photo = watermarker.store(tenantId, "engineer", "IMG_0007.jpg",
                "image/jpeg", jpeg, List.of("时间：2026-03-02 09:15:00 (Asia/Shanghai)", "上传人：engineer",
                        "作业票：DH-20260302-001", "位置：31.230416, 121.473701"));

        byte[] original = read(photo.original());
        byte[] copy = read(photo.watermarked());
        assertThat(original).isEqualTo(jpeg);
        assertThat(photo.original().sha256()).isEqualTo(sha256(jpeg));
        assertThat(photo.watermarked().sha256()).isEqualTo(sha256(copy));
        assertThat(photo.watermarked().sha256()).isNotEqualTo(photo.original().sha256());
        assertThat(photo.watermarked().contentType()).isEqualTo("image/png");
        assertThat(photo.watermarked().originalName()).isEqualTo("IMG_0007-watermarked.png");
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(copy));
        assertThat(decoded.getWidth()).isEqualTo(640);
        assertThat(decoded.getHeight()).isEqualTo(480);
        assertThat(new Color(decoded.getRGB(10, 470))).isNotEqualTo(new Color(ImageIO.read(
                new ByteArrayInputStream(jpeg)).getRGB(10, 470)));
    }

    @Test
    @DisplayName("Content that is no decodable image is rejected before anything is stored")
    void rejectsUndecodableContent() {
        byte[] notAPhoto = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H'};

        assertThatThrownBy(() -> watermarker.store(tenantId, "engineer", "broken.png", "image/png", notAPhoto,
                List.of("x")))
                .isInstanceOf(FileRejectedException.class)
                .hasFieldOrPropertyWithValue("messageKey", "file.notAnImage");
    }

    private byte[] read(StoredFile file) throws Exception {
        try (InputStream in = files.open(files.find(tenantId, file.id()).orElseThrow())) {
            return in.readAllBytes();
        }
    }

    private static byte[] photo(int width, int height, String format) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var graphics = image.createGraphics();
        graphics.setColor(new Color(200, 220, 240));
        graphics.fillRect(0, 0, width, height);
        graphics.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
