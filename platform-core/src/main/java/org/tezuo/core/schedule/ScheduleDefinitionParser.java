package org.tezuo.core.schedule;

import java.time.DateTimeException;
import java.time.ZoneId;
import org.springframework.scheduling.support.CronExpression;
import org.tezuo.metadata.MetadataDocument;
import tools.jackson.databind.JsonNode;

/** Parses schedule documents; the meta-schema has checked their shape, so only zone and cron are checked here. */
public final class ScheduleDefinitionParser {

    /**
     * Parses a published schedule document.
     *
     * @throws InvalidScheduleException when the zone is unknown or the cron expression is invalid
     */
    public ScheduleDefinition parse(MetadataDocument document) {
        JsonNode body = document.body();
        String zoneText = body.path("zone").asString();
        ZoneId zone;
        try {
            zone = ZoneId.of(zoneText);
        } catch (DateTimeException e) {
            throw new InvalidScheduleException("schedule.invalidZone", document.reference(), zoneText);
        }
        String cron = body.path("cron").asString();
        if (!CronExpression.isValidExpression(cron)) {
            throw new InvalidScheduleException("schedule.invalidCron", document.reference(), cron);
        }
        return new ScheduleDefinition(document.tenantId(), document.key(), document.version(),
                ScheduledJob.fromCode(body.path("job").asString()), cron, zone, body.path("enabled").asBoolean(true));
    }
}
