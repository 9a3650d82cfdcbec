package org.tezuo.workflow.runtime;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.flowable.engine.impl.util.CommandContextUtil;
import org.springframework.stereotype.Component;
import org.tezuo.workflow.bpmn.ChainVariables;

/**
 * Timer dates on the engine clock, for timer cycles that start some time after a node is reached, as in {@code
 * R/${tezuoTimerDates.after('PT2H')}/PT1H}. Reads Flowable's clock, so tests that move it move these dates too.
 */
@Component(ChainVariables.TIMER_DATES_BEAN)
public class TimerDates {

    /** Returns the engine time plus {@code isoDuration} as an ISO-8601 date-time in UTC, to the second. */
    public String after(String isoDuration) {
        return CommandContextUtil.getProcessEngineConfiguration().getClock().getCurrentTime().toInstant()
                .plus(Duration.parse(isoDuration))
                .truncatedTo(ChronoUnit.SECONDS)
                .atOffset(ZoneOffset.UTC)
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
}
