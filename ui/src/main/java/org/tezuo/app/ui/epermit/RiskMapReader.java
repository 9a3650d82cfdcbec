package org.tezuo.app.ui.epermit;

import java.io.IOException;
import java.io.InputStream;
import java.util.Base64;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.tezuo.app.permit.AreaClassLabels;
import org.tezuo.app.permit.Permit;
import org.tezuo.core.file.FileStore;
import org.tezuo.core.file.StoredFile;
import org.tezuo.core.record.EntityNotFoundException;
import org.tezuo.core.record.RecordNotFoundException;
import org.tezuo.form.definition.FormDefinition;
import org.tezuo.form.record.RecordService;
import tools.jackson.databind.JsonNode;

/**
 * Reads the risk map of a permit: the zone bound to the form's {@code zone} role from the {@code site_zone}
 * register, and the {@code site_plan} record the zone names with its image from the file store. When the store
 * cannot open the plan image, or no image reader reads its size, the map has no plan and the page lists the zone.
 */
@Component
class RiskMapReader {

    private static final Logger log = LoggerFactory.getLogger(RiskMapReader.class);

    static final String ZONE_ENTITY = "site_zone";
    static final String PLAN_ENTITY = "site_plan";

    private final RecordService records;
    private final FileStore files;
    private final AreaClassLabels areaClasses;

    RiskMapReader(RecordService records, FileStore files, AreaClassLabels areaClasses) {
        this.records = records;
        this.files = files;
        this.areaClasses = areaClasses;
    }

    /** Returns the map of the zone the permit picks; empty when it picks none or the zone is gone. */
    Optional<RiskMap> read(Permit permit, FormDefinition form, Locale locale) {
        JsonNode reference = form.boundValue("zone", permit.data());
        if (!reference.isIntegralNumber()) {
            return Optional.empty();
        }
        long tenantId = permit.tenantId();
        return record(tenantId, ZONE_ENTITY, reference.asLong()).map(zone -> new RiskMap(
                zone.path("name").asString(""), areaClasses.label(tenantId, zone.path("areaClass").asString(""), locale),
                zone.path("nearestAed").asString(""), zone.path("musterPoint").asString(""), plan(tenantId, zone)));
    }

    private RiskMap.@Nullable Plan plan(long tenantId, JsonNode zone) {
        if (!zone.path("plan").isIntegralNumber()) {
            return null;
        }
        String imageId = record(tenantId, PLAN_ENTITY, zone.path("plan").asLong())
                .map(plan -> plan.path("image").asString("")).orElse("");
        StoredFile image = imageId.isEmpty() ? null : files.find(tenantId, imageId).orElse(null);
        if (image == null || !image.isImage()) {
            return null;
        }
        try {
            byte[] content;
            try (InputStream in = files.open(image)) {
                content = in.readAllBytes();
            }
            int[] size = size(content);
            if (size == null) {
                log.info("Plan image {} of tenant {} ({}) has a size no image reader knows; the map lists the zone",
                        image.id(), tenantId, image.contentType());
                return null;
            }
            return new RiskMap.Plan("data:" + image.contentType() + ";base64,"
                    + Base64.getEncoder().encodeToString(content), size[0], size[1],
                    RiskMap.Point.polygon(zone.path("polygon").asString(null)),
                    RiskMap.Point.parse(zone.path("aedPlanPoint").asString(null)).orElse(null),
                    RiskMap.Point.parse(zone.path("musterPlanPoint").asString(null)).orElse(null));
        } catch (IOException e) {
            log.warn("Plan image {} of tenant {} could not be read: {}", image.id(), tenantId, e.toString());
            return null;
        }
    }

    /** Returns width and height of an image from its header, or null when no reader knows the format. */
    private static int @Nullable [] size(byte[] content) throws IOException {
        try (ImageInputStream stream = ImageIO.createImageInputStream(new java.io.ByteArrayInputStream(content))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(stream);
            if (!readers.hasNext()) {
                return null;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(stream);
                return new int[] {reader.getWidth(0), reader.getHeight(0)};
            } finally {
                reader.dispose();
            }
        }
    }

    private Optional<JsonNode> record(long tenantId, String entity, long id) {
        try {
            return Optional.of(records.read(tenantId, entity, id).data());
        } catch (RecordNotFoundException | EntityNotFoundException e) {
            log.info("Record {}#{} of tenant {} is not available for the risk map: {}", entity, id, tenantId,
                    e.toString());
            return Optional.empty();
        }
    }
}
