package org.tezuo.app.demo;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tezuo.core.file.FileKind;
import org.tezuo.core.file.FileStore;
import org.tezuo.core.file.StoredFile;
import org.tezuo.core.record.EntityNotFoundException;
import org.tezuo.core.record.RecordQuery;
import org.tezuo.form.record.RecordService;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Gives the demo tenant a site plan and three zones on it, so that the e-permit page of a demo permit that picks a
 * zone shows its risk map. The plan is drawn here: roads, two LNG tanks, the BOG compressor house and the jetty on
 * a 960 × 600 pixel PNG. The zones' coordinates lie around a made-up terminal, 40 to 150 m apart.
 */
final class DemoSitePlan {

    private static final Logger log = LoggerFactory.getLogger(DemoSitePlan.class);

    static final int WIDTH_PX = 960;
    static final int HEIGHT_PX = 600;

    /** A demo zone: register fields, its polygon and marker positions on the plan, and its coordinates. */
    private record DemoZone(String name, String areaClass, String building, String aed, String musterPoint,
            String polygon, String aedPoint, String musterPointOnPlan, double latitude, double longitude) {
    }

    private static final List<DemoZone> ZONES = List.of(
            new DemoZone("LNG 储罐区 T-101", "zone-1", "T-101 储罐", "中控室 AED", "1# 集合点（西门）",
                    "80,90 380,90 380,330 80,330", "420,120", "40,520", 22.59410, 113.88620),
            new DemoZone("BOG 压缩机房", "zone-2", "BOG 压缩机房", "中控室 AED", "1# 集合点（西门）",
                    "470,110 690,110 690,260 470,260", "420,120", "40,520", 22.59418, 113.88690),
            new DemoZone("1# 码头卸料区", "zone-2", "1# 码头", "码头值班室 AED", "2# 集合点（码头入口）",
                    "560,380 900,380 900,540 560,540", "720,350", "520,570", 22.59300, 113.88700));

    /** A demo entry of the equipment register, with its pressure in MPa. */
    private record DemoEquipment(String tag, String type, String pressureMpa, String valvePosition,
            String isolationStatus) {
    }

    /** One entry in each isolation state, so the equipment dimension of the risk score varies with the pick. */
    private static final List<DemoEquipment> EQUIPMENT = List.of(
            new DemoEquipment("P-101", "LNG 卸料管线", "0.05", "closed", "isolated"),
            new DemoEquipment("C-201", "BOG 压缩机", "0", "closed", "locked-out"),
            new DemoEquipment("T-101-O1", "T-101 储罐出料管线", "0.3", "open", "not-isolated"));

    private DemoSitePlan() {
    }

    /**
     * Uploads the plan and registers the zones, unless the tenant already has a plan. A tenant created before the
     * template had the {@code site_plan} register gets none.
     */
    static void seed(long tenantId, FileStore files, RecordService records, JsonMapper json, String actor) {
        try {
            if (records.list(tenantId, "site_plan", RecordQuery.firstPage()).total() > 0) {
                return;
            }
        } catch (EntityNotFoundException e) {
            log.info("Demo tenant {} has no site plan register; its e-permits list zones without a map", tenantId);
            return;
        }
        StoredFile image = files.store(tenantId, actor, FileKind.IMAGE, "演示厂区平面图.png", "image/png",
                new ByteArrayInputStream(png()));
        long plan = records.create(tenantId, "site_plan", json.createObjectNode().put("name", "LNG 接收站总平面图")
                .put("image", image.id()), null, actor, Locale.SIMPLIFIED_CHINESE).id();
        for (DemoZone zone : ZONES) {
            ObjectNode data = json.createObjectNode().put("name", zone.name()).put("areaClass", zone.areaClass())
                    .put("building", zone.building()).put("nearestAed", zone.aed())
                    .put("musterPoint", zone.musterPoint()).put("plan", plan).put("polygon", zone.polygon())
                    .put("aedPlanPoint", zone.aedPoint()).put("musterPlanPoint", zone.musterPointOnPlan());
            data.putObject("location").put("lat", zone.latitude()).put("lon", zone.longitude());
            records.create(tenantId, "site_zone", data, null, actor, Locale.SIMPLIFIED_CHINESE);
        }
        String stateUpdatedAt = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(1).withNano(0).toString();
        for (DemoEquipment equipment : EQUIPMENT) {
            records.create(tenantId, "equipment", json.createObjectNode().put("tag", equipment.tag())
                    .put("equipmentType", equipment.type()).put("pressureMpa", new BigDecimal(equipment.pressureMpa()))
                    .put("valvePosition", equipment.valvePosition()).put("isolationStatus", equipment.isolationStatus())
                    .put("stateUpdatedAt", stateUpdatedAt), null, actor, Locale.SIMPLIFIED_CHINESE);
        }
        log.info("Demo site plan, {} zones and {} equipment entries registered for tenant {}", ZONES.size(),
                EQUIPMENT.size(), tenantId);
    }

    /** Draws the plan: shapes only, so no font is needed on a headless server. */
    static byte[] png() {
        BufferedImage image = new BufferedImage(WIDTH_PX, HEIGHT_PX, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(new Color(0xf1f5f9));
            g.fillRect(0, 0, WIDTH_PX, HEIGHT_PX);
            g.setColor(new Color(0x93c5fd));
            g.fillRect(0, 555, WIDTH_PX, 45);
            g.setColor(new Color(0xcbd5e1));
            g.fillRect(0, 350, WIDTH_PX, 22);
            g.fillRect(420, 0, 22, 350);
            g.setColor(new Color(0x94a3b8));
            g.setStroke(new BasicStroke(4));
            g.drawRect(70, 80, 320, 260);
            g.setColor(new Color(0xe2e8f0));
            g.fillOval(100, 110, 120, 120);
            g.fillOval(240, 170, 120, 120);
            g.setColor(new Color(0x64748b));
            g.setStroke(new BasicStroke(3));
            g.drawOval(100, 110, 120, 120);
            g.drawOval(240, 170, 120, 120);
            g.setColor(new Color(0xd6d3d1));
            g.fillRect(480, 120, 200, 130);
            g.setColor(new Color(0x78716c));
            g.drawRect(480, 120, 200, 130);
            g.setColor(new Color(0xa8a29e));
            g.fillRect(580, 390, 300, 140);
            g.setColor(new Color(0x57534e));
            g.drawRect(580, 390, 300, 140);
            g.drawLine(220, 170, 480, 185);
            g.drawLine(360, 230, 620, 390);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not draw the demo site plan", e);
        }
        return out.toByteArray();
    }
}
