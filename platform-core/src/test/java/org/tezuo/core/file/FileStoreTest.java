package org.tezuo.core.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.tezuo.core.tenant.TenantDirectory;

@SpringBootTest(properties = {"tezuo.files.dir=target/test-files", "tezuo.files.max-image-size=1KB"})
class FileStoreTest {

    /** A 4×3 PNG without metadata chunks, which the store keeps byte for byte. */
    private static final byte[] PNG = TestImages.png();

    @Autowired
    FileStore store;

    @Autowired
    TenantDirectory tenants;

    private long tenantId;
    private long otherTenantId;

    @BeforeEach
    void createTenants() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        tenantId = tenants.create("files-" + suffix, "文件测试", null, ZoneId.of("Asia/Shanghai")).id();
        otherTenantId = tenants.create("files-other-" + suffix, "另一租户", null, ZoneId.of("Asia/Shanghai")).id();
    }

    @Test
    void imageRoundTripsWithChecksum() throws Exception {
        StoredFile stored = store.store(tenantId, "welder-1", FileKind.IMAGE, "C:\\phone\\IMG_0001.png",
                "application/octet-stream", new ByteArrayInputStream(PNG));

        assertThat(stored.id()).hasSize(43);
        assertThat(stored.contentType()).isEqualTo("image/png");
        assertThat(stored.originalName()).isEqualTo("IMG_0001.png");
        assertThat(stored.sizeBytes()).isEqualTo(PNG.length);
        assertThat(stored.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(PNG)));
        StoredFile found = store.find(tenantId, stored.id()).orElseThrow();
        try (InputStream content = store.open(found)) {
            assertThat(content.readAllBytes()).isEqualTo(PNG);
        }
    }

    @Test
    @DisplayName("A JPEG is stored without the script hidden in its metadata, with size and digest of what is stored")
    void jpegIsStoredWithoutMetadata() throws Exception {
        StoredFile stored = store.store(tenantId, "welder-1", FileKind.IMAGE, "site.jpg", "image/jpeg",
                new ByteArrayInputStream(TestImages.jpegWithScripts()));

        byte[] content;
        try (InputStream in = store.open(stored)) {
            content = in.readAllBytes();
        }
        assertThat(stored.contentType()).isEqualTo("image/jpeg");
        assertThat(new String(content, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("script");
        assertThat(stored.sizeBytes()).isEqualTo(content.length);
        assertThat(stored.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(content)));
    }

    @Test
    @DisplayName("A damaged PNG is rejected and leaves no file behind")
    void damagedPngIsRejected() throws IOException {
        byte[] damaged = java.util.Arrays.copyOf(PNG, PNG.length - 20);
        long filesBefore = countFiles();

        assertThatThrownBy(() -> store.store(tenantId, "welder-1", FileKind.IMAGE, "site.png", "image/png",
                new ByteArrayInputStream(damaged)))
                .isInstanceOfSatisfying(FileRejectedException.class, e -> assertThat(
                        e.message(Locale.SIMPLIFIED_CHINESE)).isEqualTo(
                        "图片“site.png”已损坏或不完整（按文件内容识别为 image/png），无法读取；请重新拍照或导出后再上传"));
        assertThat(countFiles()).isEqualTo(filesBefore);
    }

    @Test
    void otherTenantCannotFindFile() {
        StoredFile stored = store.store(tenantId, "welder-1", FileKind.DOCUMENT, "plan.pdf", "application/pdf",
                new ByteArrayInputStream("%PDF-1.7".getBytes()));

        assertThat(store.find(otherTenantId, stored.id())).isEmpty();
        assertThat(store.find(tenantId, stored.id())).isPresent();
    }

    @Test
    void oversizedImageNamesLimitInMegabytes() throws IOException {
        byte[] large = new byte[2048];
        System.arraycopy(PNG, 0, large, 0, PNG.length);
        long filesBefore = countFiles();

        assertThatThrownBy(() -> store.store(tenantId, "welder-1", FileKind.IMAGE, "big.png", "image/png",
                new ByteArrayInputStream(large)))
                .isInstanceOfSatisfying(FileRejectedException.class, e -> {
                    assertThat(e.message(Locale.SIMPLIFIED_CHINESE))
                            .isEqualTo("文件“big.png”超过 0 MB 的上限；请压缩或缩小后重新上传");
                    assertThat(e.message(Locale.ENGLISH)).startsWith("File \"big.png\" exceeds the limit of 0 MB");
                });
        assertThat(countFiles()).isEqualTo(filesBefore);
    }

    @Test
    void textIsRejectedAsImageNamingDeclaredType() {
        assertThatThrownBy(() -> store.store(tenantId, "welder-1", FileKind.IMAGE, "photo.jpg", "image/jpeg",
                new ByteArrayInputStream("<svg onload=alert(1)>".getBytes())))
                .isInstanceOfSatisfying(FileRejectedException.class, e -> assertThat(
                        e.message(Locale.SIMPLIFIED_CHINESE)).isEqualTo(
                        "文件“photo.jpg”不是可接受的图片（上传时声明的类型为 image/jpeg）；"
                                + "请上传 PNG、JPEG、WebP、GIF 或 HEIC 格式的照片"));
    }

    @Test
    void megabytesDropTrailingZeros() {
        assertThat(FileRejectedException.megabytes(10L * 1024 * 1024)).isEqualTo("10");
        assertThat(FileRejectedException.megabytes(1536L * 1024)).isEqualTo("1.5");
    }

    @Test
    void documentTypeIsCleaned() {
        StoredFile stored = store.store(tenantId, "welder-1", FileKind.DOCUMENT, "notes", "text/html; charset=utf-8",
                new ByteArrayInputStream("x".getBytes()));
        StoredFile odd = store.store(tenantId, "welder-1", FileKind.DOCUMENT, "", "not a type",
                new ByteArrayInputStream("x".getBytes()));

        assertThat(stored.contentType()).isEqualTo("text/html");
        assertThat(odd.contentType()).isEqualTo("application/octet-stream");
        assertThat(odd.originalName()).isEqualTo("file");
    }

    private static long countFiles() throws IOException {
        Path root = Path.of("target/test-files");
        if (!Files.exists(root)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).count();
        }
    }
}
