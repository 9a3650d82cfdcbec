package org.tezuo.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.scheduling.support.SimpleTriggerContext;
import org.tezuo.core.UtcDefaultZoneExtension;

/** The daily warning schedule, stepped through with a fixed clock while the JVM runs in UTC. */
@ExtendWith(UtcDefaultZoneExtension.class)
class DailyScheduleTriggerTest {

    /** Returns the instants at which the trigger fires from {@code start} until {@code end}, in order. */
    private static List<Instant> firings(ScheduleDefinition definition, Instant start, Instant end) {
        CronTrigger trigger = ScheduleRegistrar.triggerFor(definition);
        SimpleTriggerContext context = new SimpleTriggerContext(Clock.fixed(start, ZoneOffset.UTC));
        List<Instant> firings = new ArrayList<>();
        Instant next = trigger.nextExecution(context);
        while (next != null && next.isBefore(end)) {
            firings.add(next);
            context.update(next, next, next.plusSeconds(5));
            next = trigger.nextExecution(context);
        }
        return firings;
    }

    private static ScheduleDefinition daily(String zone) {
        return new ScheduleDefinition(1, "nightly", 1, ScheduledJob.CERTIFICATE_WARNINGS, "0 0 2 * * *",
                ZoneId.of(zone), true);
    }

    @Test
    @DisplayName("a 02:00 schedule fires once per Shanghai day, at 18:00 UTC the day before")
    void firesOncePerShanghaiDay() {
        ZoneId shanghai = ZoneId.of("Asia/Shanghai");

        List<Instant> firings = firings(daily("Asia/Shanghai"), Instant.parse("2026-02-26T00:00:00Z"),
                Instant.parse("2026-03-05T00:00:00Z"));

        assertThat(firings).hasSize(7);
        assertThat(firings).first().isEqualTo(Instant.parse("2026-02-26T18:00:00Z"));
        assertThat(firings).allSatisfy(firing ->
                assertThat(firing.atZone(shanghai).toLocalTime()).isEqualTo(LocalTime.of(2, 0)));
        assertThat(firings.stream().map(firing -> firing.atZone(shanghai).toLocalDate()).distinct())
                .as("one firing per local day, including 28 February and 1 March")
                .hasSize(7).contains(LocalDate.of(2026, 2, 28), LocalDate.of(2026, 3, 1));
    }

    @Test
    @DisplayName("a tenant in a zone with daylight saving still gets one firing per local day")
    void firesOncePerDayAcrossDaylightSaving() {
        ZoneId newYork = ZoneId.of("America/New_York");
        ScheduleDefinition definition = new ScheduleDefinition(1, "nightly", 1, ScheduledJob.CERTIFICATE_WARNINGS,
                "0 30 3 * * *", newYork, true);

        List<Instant> firings = firings(definition, Instant.parse("2026-03-06T12:00:00Z"),
                Instant.parse("2026-03-11T12:00:00Z"));

        assertThat(firings).hasSize(5);
        assertThat(firings).allSatisfy(firing ->
                assertThat(firing.atZone(newYork).toLocalTime()).isEqualTo(LocalTime.of(3, 30)));
        assertThat(Duration.between(firings.get(0), firings.get(1)))
                .as("the night clocks go forward is one hour shorter").isEqualTo(Duration.ofHours(23));
    }
}
