package org.tezuo.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tezuo.app.security.UserAccounts;
import org.tezuo.core.file.FileKind;
import org.tezuo.core.file.FileStore;
import org.tezuo.core.file.StoredFile;
import org.tezuo.templates.TemplateInstaller;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hostile uploads over real HTTP against real PostgreSQL: a zip bomb named .xlsx sent to the ledger import, and a
 * photo with a script in its metadata and after its end, downloaded again from {@code /api/files}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class UploadSafetyTest {

    private static final String PASSWORD = "Anquan-2026";
    private static final String SCRIPT = "<script>window.__xss=1</script>";
    private static final long MEBIBYTE = 1024 * 1024;
    /**
     * What the bomb's worksheet unpacks to: 768 MiB of zeros, far past the 100 MiB the import accepts, from an
     * upload under the 1 MB multipart limit that Spring applies in tests.
     */
    private static final long BOMB_UNPACKED_BYTES = 768 * MEBIBYTE;

    @LocalServerPort
    int port;

    @Autowired
    TemplateInstaller installer;

    @Autowired
    UserAccounts accounts;

    @Autowired
    FileStore files;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    private final HttpClient http = HttpClient.newHttpClient();
    private long tenantId;
    private String admin;

    @BeforeEach
    void createTenant() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        tenantId = installer.createTenant("upload-" + suffix, "上传安全测试化工", "lng-terminal",
                ZoneId.of("Asia/Shanghai"), "test").tenant().id();
        admin = "upload-admin-" + suffix;
        accounts.create(tenantId, admin, PASSWORD, "系统管理员", Set.of("SYSTEM_ADMIN"), null, null);
    }

    @Test
    @DisplayName("A zip bomb named .xlsx is rejected by the ledger import with a Chinese message")
    void zipBombIsRejected() throws Exception {
        byte[] bomb = zipBomb(BOMB_UNPACKED_BYTES);

        HttpResponse<String> response = uploadLedger("持证台账.xlsx", bomb);

        assertThat(bomb.length).isLessThan(1_000_000);
        assertThat(unpacksBeyond(bomb, 200 * MEBIBYTE)).isTrue();
        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        assertThat(json.readTree(response.body()).path("message").asString()).isEqualTo("文件“持证台账.xlsx”解压后超过 "
                + "100 MiB，可能是伪装成 xlsx 的压缩炸弹，没有导入；请确认文件来源，在 Excel 中打开后另存为 .xlsx 再上传");
        assertThat(jdbc.sql("select count(*) from roster_import where tenant_id = ?").param(tenantId)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from person where tenant_id = ?").param(tenantId)
                .query(Long.class).single()).isZero();
    }

    @Test
    @DisplayName("A photo is served without the script in its metadata, as an inline image that cannot run")
    void photoIsServedWithoutScript() throws Exception {
        StoredFile stored = files.store(tenantId, admin, FileKind.IMAGE, "现场.jpg", "text/html",
                new ByteArrayInputStream(jpegWithScripts()));

        HttpResponse<byte[]> response = download(stored.id());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("Content-Security-Policy"))
                .hasValue("default-src 'none'; style-src 'unsafe-inline'; sandbox");
        assertThat(response.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                disposition -> assertThat(disposition).startsWith("inline"));
        assertThat(new String(response.body(), StandardCharsets.ISO_8859_1)).doesNotContain("script")
                .doesNotContain("<html");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(response.body()));
        assertThat(image.getWidth()).isEqualTo(16);
        assertThat(image.getHeight()).isEqualTo(8);
    }

    @Test
    @DisplayName("An HTML document is served as a sandboxed attachment")
    void htmlDocumentIsAttachment() throws Exception {
        StoredFile stored = files.store(tenantId, admin, FileKind.DOCUMENT, "说明.html", "text/html",
                new ByteArrayInputStream(("<html><body>" + SCRIPT + "</body></html>").getBytes(StandardCharsets.UTF_8)));

        HttpResponse<byte[]> response = download(stored.id());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                disposition -> assertThat(disposition).startsWith("attachment"));
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                policy -> assertThat(policy).contains("sandbox").contains("default-src 'none'"));
    }

    private HttpResponse<String> uploadLedger(String fileName, byte[] content) throws Exception {
        String boundary = "tezuo-" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/roster/imports"))
                .header("Authorization", basic())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(head, content, tail)))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<byte[]> download(String fileId) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/files/" + fileId))
                .header("Authorization", basic()).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private String basic() {
        return "Basic " + Base64.getEncoder().encodeToString((admin + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Returns a zip with the entries of an xlsx, whose worksheet unpacks to {@code unpackedBytes} zeros. The
     * worksheet's deflate stream repeats one compressed segment of 16 MiB: each segment ends with a full flush, so
     * it decodes on its own, and the bomb takes milliseconds to build rather than the seconds that compressing
     * gigabytes would.
     */
    static byte[] zipBomb(long unpackedBytes) throws IOException {
        int segmentBytes = (int) (16 * MEBIBYTE);
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        byte[] zeros = new byte[segmentBytes];
        compress(deflater, zeros, Deflater.FULL_FLUSH);
        byte[] segment = compress(deflater, zeros, Deflater.FULL_FLUSH);
        byte[] end = finish(deflater);
        deflater.end();
        ByteArrayOutputStream worksheet = new ByteArrayOutputStream();
        for (long written = 0; written < unpackedBytes; written += segmentBytes) {
            worksheet.writeBytes(segment);
        }
        worksheet.writeBytes(end);

        CRC32 crc = new CRC32();
        for (long written = 0; written < unpackedBytes; written += segmentBytes) {
            crc.update(zeros);
        }
        ZipWriter zip = new ZipWriter();
        zip.stored("[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"
                .getBytes(StandardCharsets.UTF_8));
        zip.stored("xl/workbook.xml", "<workbook/>".getBytes(StandardCharsets.UTF_8));
        zip.deflated("xl/worksheets/sheet1.xml", worksheet.toByteArray(), unpackedBytes, crc.getValue());
        return zip.finish();
    }

    /** Compresses all of {@code input} and returns the output up to and including the flush. */
    private static byte[] compress(Deflater deflater, byte[] input, int flush) {
        deflater.setInput(input);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        int length;
        do {
            length = deflater.deflate(buffer, 0, buffer.length, flush);
            out.write(buffer, 0, length);
        } while (length == buffer.length || !deflater.needsInput());
        return out.toByteArray();
    }

    /** Returns the rest of the stream after {@link Deflater#finish()}: the final block. */
    private static byte[] finish(Deflater deflater) {
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[1024];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        return out.toByteArray();
    }

    /** Tells whether the archive's entries unpack to more than {@code bytes}, reading no further than that. */
    private static boolean unpacksBeyond(byte[] archive, long bytes) throws IOException {
        long unpacked = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive))) {
            while (zip.getNextEntry() != null) {
                int read;
                while ((read = zip.read(buffer)) != -1) {
                    unpacked += read;
                    if (unpacked > bytes) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Returns a 16×8 JPEG with the script in an XMP packet, in a comment and after the end-of-image marker. */
    private static byte[] jpegWithScripts() throws IOException {
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(16, 8, BufferedImage.TYPE_INT_RGB), "jpeg", plain);
        byte[] jpeg = plain.toByteArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        segment(out, 0xE1, ("http://ns.adobe.com/xap/1.0/\0<x:xmpmeta>" + SCRIPT + "</x:xmpmeta>")
                .getBytes(StandardCharsets.UTF_8));
        segment(out, 0xFE, SCRIPT.getBytes(StandardCharsets.UTF_8));
        out.write(jpeg, 2, jpeg.length - 2);
        out.writeBytes(("<html><body>" + SCRIPT + "</body></html>").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static void segment(ByteArrayOutputStream out, int marker, byte[] payload) {
        int length = payload.length + 2;
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) marker, (byte) (length >> 8), (byte) length});
        out.writeBytes(payload);
    }

    /** Writes a zip archive entry by entry: local headers, data, then the central directory. */
    private static final class ZipWriter {

        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final ByteArrayOutputStream directory = new ByteArrayOutputStream();
        private int entries;

        void stored(String name, byte[] data) {
            CRC32 crc = new CRC32();
            crc.update(data);
            entry(name, 0, data, data.length, crc.getValue());
        }

        void deflated(String name, byte[] compressed, long unpackedBytes, long crc) {
            entry(name, 8, compressed, unpackedBytes, crc);
        }

        private void entry(String name, int method, byte[] data, long unpackedBytes, long crc) {
            byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
            int offset = out.size();
            out.writeBytes(header(0x04034b50, 26, method, crc, data.length, unpackedBytes, nameBytes.length)
                    .array());
            out.writeBytes(nameBytes);
            out.writeBytes(data);
            ByteBuffer central = ByteBuffer.allocate(46).order(ByteOrder.LITTLE_ENDIAN);
            central.putInt(0x02014b50).putShort((short) 20);
            central.put(header(0, 26, method, crc, data.length, unpackedBytes, nameBytes.length).array(), 4, 26);
            central.putShort((short) 0).putShort((short) 0).putShort((short) 0).putInt(0).putInt(offset);
            directory.writeBytes(central.array());
            directory.writeBytes(nameBytes);
            entries++;
        }

        /** Returns a local file header up to the name: signature, version, flags, method, time, date, sizes. */
        private static ByteBuffer header(int signature, int length, int method, long crc, long compressedBytes,
                long unpackedBytes, int nameLength) {
            ByteBuffer header = ByteBuffer.allocate(4 + length).order(ByteOrder.LITTLE_ENDIAN);
            header.putInt(signature).putShort((short) 20).putShort((short) 0x0800).putShort((short) method)
                    .putShort((short) 0).putShort((short) 0x21).putInt((int) crc).putInt((int) compressedBytes)
                    .putInt((int) unpackedBytes).putShort((short) nameLength).putShort((short) 0);
            return header;
        }

        byte[] finish() {
            int directoryOffset = out.size();
            out.writeBytes(directory.toByteArray());
            ByteBuffer end = ByteBuffer.allocate(22).order(ByteOrder.LITTLE_ENDIAN);
            end.putInt(0x06054b50).putShort((short) 0).putShort((short) 0).putShort((short) entries)
                    .putShort((short) entries).putInt(directory.size()).putInt(directoryOffset).putShort((short) 0);
            out.writeBytes(end.array());
            return out.toByteArray();
        }
    }
}
