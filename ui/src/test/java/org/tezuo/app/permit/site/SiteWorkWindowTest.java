package org.tezuo.app.permit.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SiteWorkWindowTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Instant START = at("2026-12-04T20:00:00+08:00");
    private static final Instant END = at("2026-12-05T04:00:00+08:00");

    @Test
    @DisplayName("Seconds are shown when the start and now fall in the same minute")
    void sameMinuteShowsSeconds() {
        Instant start = at("2026-12-04T20:00:37+08:00");

        SiteReason reason = SiteWorkWindow.outside(at("2026-12-04T20:00:12+08:00"), start, END, SHANGHAI).getFirst();

        assertThat(reason.limit()).isEqualTo("2026-12-04 20:00:37");
        assertThat(reason.value()).isEqualTo("2026-12-04 20:00:12");
    }

    @Test
    @DisplayName("Work before the approved start is rejected with the start time")
    void beforeStartRejected() {
        List<SiteReason> reasons = SiteWorkWindow.outside(at("2026-12-04T19:52:00+08:00"), START, END, SHANGHAI);

        assertThat(reasons).hasSize(1);
        SiteReason reason = reasons.getFirst();
        assertThat(reason.code()).isEqualTo(SiteWorkWindow.BEFORE_START);
        assertThat(reason.limit()).isEqualTo("2026-12-04 20:00");
        assertThat(reason.value()).isEqualTo("2026-12-04 19:52");
        assertThat(reason.text(Locale.SIMPLIFIED_CHINESE)).isEqualTo("尚未到作业票批准的作业开始时间 2026-12-04 20:00（现在 "
                + "2026-12-04 19:52）；请等到 2026-12-04 20:00 后再作业，如需提前作业请重新申请作业票 — 企业实践：作业只在作业票有效期"
                + "内进行，有效期自批准的作业开始时间起算");
        assertThat(reason.text(Locale.ENGLISH)).startsWith("The approved work start 2026-12-04 20:00 has not come yet "
                + "(now 2026-12-04 19:52); wait until 2026-12-04 20:00, or apply for a new permit");
        assertThat(reason.source()).startsWith("企业实践");
    }

    @Test
    @DisplayName("Work from the approved start until the end of validity is allowed")
    void insideWindowAllowed() {
        assertThat(SiteWorkWindow.outside(START, START, END, SHANGHAI)).isEmpty();
        assertThat(SiteWorkWindow.outside(at("2026-12-05T03:59:00+08:00"), START, END, SHANGHAI)).isEmpty();
        assertThat(SiteWorkWindow.outside(at("2026-12-04T19:00:00+08:00"), null, END, SHANGHAI)).isEmpty();
        assertThat(SiteWorkWindow.outside(at("2026-12-09T19:00:00+08:00"), START, null, SHANGHAI)).isEmpty();
    }

    @Test
    @DisplayName("Work at or after the end of validity is rejected citing GB 30871-2022 4.16")
    void afterEndRejected() {
        List<SiteReason> atEnd = SiteWorkWindow.outside(END, START, END, SHANGHAI);
        List<SiteReason> after = SiteWorkWindow.outside(at("2026-12-05T04:30:00+08:00"), START, END, SHANGHAI);

        assertThat(atEnd).extracting(SiteReason::code).containsExactly(SiteWorkWindow.AFTER_END);
        assertThat(after.getFirst().text(Locale.SIMPLIFIED_CHINESE)).isEqualTo("作业票有效期已于 2026-12-05 04:00 结束（现在 "
                + "2026-12-05 04:30），不能再作业；请重新申请作业票 — GB 30871-2022 4.16（超过有效期须重新办理作业票）");
        assertThat(after.getFirst().source()).startsWith("GB 30871-2022 4.16");
    }

    private static Instant at(String time) {
        return OffsetDateTime.parse(time).toInstant();
    }
}
