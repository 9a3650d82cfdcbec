package org.tezuo.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.ZoneId;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.tezuo.core.file.FileStore;
import org.tezuo.core.file.StoredFile;
import org.tezuo.core.record.RecordQuery;
import org.tezuo.core.record.StoredRecord;
import org.tezuo.form.record.RecordService;
import org.tezuo.templates.TemplateInstaller;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DemoSitePlanTest {

    @Autowired
    TemplateInstaller installer;

    @Autowired
    RecordService records;

    @Autowired
    FileStore files;

    @Autowired
    JsonMapper json;

    @Test
    @DisplayName("The drawn plan is a 960 × 600 PNG")
    void drawsPlan() throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(DemoSitePlan.png()));

        assertThat(image.getWidth()).isEqualTo(DemoSitePlan.WIDTH_PX);
        assertThat(image.getHeight()).isEqualTo(DemoSitePlan.HEIGHT_PX);
    }

    @Test
    @DisplayName("Seeding stores the plan once and three zones on it")
    void seedsPlanAndZonesOnce() throws IOException {
        long tenantId = installer.createTenant("demo-plan-" + UUID.randomUUID(), "平面图演示化工", "lng-terminal",
                ZoneId.of("Asia/Shanghai"), "test").tenant().id();

        DemoSitePlan.seed(tenantId, files, records, json, "system");
        DemoSitePlan.seed(tenantId, files, records, json, "system");

        var plans = records.list(tenantId, "site_plan", RecordQuery.firstPage()).items();
        var zones = records.list(tenantId, "site_zone", RecordQuery.firstPage()).items();
        assertThat(plans).hasSize(1);
        assertThat(zones).hasSize(3);
        assertThat(zones).allSatisfy(zone -> {
            assertThat(zone.data().path("plan").asLong()).isEqualTo(plans.getFirst().id());
            assertThat(zone.data().path("polygon").asString()).isNotBlank();
            assertThat(zone.data().path("location").path("lat").isNumber()).isTrue();
        });
        StoredFile image = files.find(tenantId, plans.getFirst().data().path("image").asString()).orElseThrow();
        assertThat(image.contentType()).isEqualTo("image/png");
        try (InputStream content = files.open(image)) {
            assertThat(ImageIO.read(content).getWidth()).isEqualTo(DemoSitePlan.WIDTH_PX);
        }
        assertThat(zones.stream().map(StoredRecord::data).map(data -> data.path("name").asString()))
                .containsExactlyInAnyOrder("LNG 储罐区 T-101", "BOG 压缩机房", "1# 码头卸料区");
    }
}
