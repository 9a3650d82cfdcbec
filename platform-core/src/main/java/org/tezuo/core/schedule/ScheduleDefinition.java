package org.tezuo.core.schedule;

import java.time.ZoneId;

/**
 * A published schedule document, parsed.
 *
 * @param cron Spring cron expression with six fields (second minute hour day month weekday), for example
 *     {@code 0 0 2 * * *} for 02:00 every day
 * @param zone the zone the cron expression is read in
 */
public record ScheduleDefinition(long tenantId, String key, int version, ScheduledJob job, String cron, ZoneId zone,
        boolean enabled) {
}
