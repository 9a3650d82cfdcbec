package org.tezuo.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tezuo.app.security.UserAccounts;
import org.tezuo.core.file.FileKind;
import org.tezuo.core.file.FileStore;
import org.tezuo.core.file.StoredFile;
import org.tezuo.templates.TemplateInstaller;

/**
 * Chinese file names, including characters outside the Basic Multilingual Plane (𠀀 U+20000, 𡃁 U+210C1, four
 * bytes in UTF-8), survive the file store and come back in {@code Content-Disposition} as an RFC 5987
 * {@code filename*} that decodes to the original name.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FileDownloadNameTest {

    private static final String PASSWORD = "Anquan-2026";
    private static final String NAME = "𠀀𡃁动火检测报告.pdf";
    private static final Pattern EXTENDED_NAME = Pattern.compile("filename\\*=UTF-8''([^;]+)");

    @LocalServerPort
    int port;

    @Autowired
    TemplateInstaller installer;

    @Autowired
    UserAccounts accounts;

    @Autowired
    FileStore files;

    private final HttpClient http = HttpClient.newHttpClient();
    private long tenantId;
    private String user;

    @BeforeEach
    void createTenantAndUser() {
        tenantId = installer.createTenant("files-" + UUID.randomUUID(), "文件名测试化工", "lng-terminal",
                ZoneId.of("Asia/Shanghai"), "test").tenant().id();
        user = "files-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(tenantId, user, PASSWORD, "𠀀工程师", Set.of("SAFETY_ENGINEER"), null, null);
    }

    @Test
    void storeKeepsFourByteName() {
        StoredFile stored = store(NAME);

        assertThat(files.find(tenantId, stored.id()).orElseThrow().originalName()).isEqualTo(NAME);
    }

    @Test
    void downloadNamesFileInRfc5987() throws Exception {
        StoredFile stored = store(NAME);

        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/files/" + stored.id()))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        String disposition = response.headers().firstValue("Content-Disposition").orElseThrow();
        assertThat(disposition).startsWith("attachment");
        // Header values are ISO-8859-1 on the wire; the name travels percent-encoded only.
        assertThat(disposition.chars().allMatch(c -> c < 0x80)).as(disposition).isTrue();
        Matcher extended = EXTENDED_NAME.matcher(disposition);
        assertThat(extended.find()).as(disposition).isTrue();
        assertThat(extended.group(1)).contains("%F0%A0%80%80%F0%A1%83%81");
        assertThat(URLDecoder.decode(extended.group(1), StandardCharsets.UTF_8)).isEqualTo(NAME);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("%PDF-1.4 test");
    }

    private StoredFile store(String name) {
        return files.store(tenantId, user, FileKind.DOCUMENT, name, "application/pdf",
                new ByteArrayInputStream("%PDF-1.4 test".getBytes(StandardCharsets.UTF_8)));
    }
}
