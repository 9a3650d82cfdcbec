package org.tezuo.core.qualification.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tezuo.core.qualification.CertificateState;
import org.tezuo.core.qualification.CertificateStateEvaluator;
import org.tezuo.core.qualification.DatePrecision;
import org.tezuo.core.qualification.LifecyclePolicy;
import org.tezuo.core.qualification.roster.LedgerDateParser.Bound;
import org.tezuo.core.qualification.roster.LedgerDateParser.ParsedDate;

/** Ledger dates given as year and month only, carried through to a certificate state. */
class MonthPrecisionLifecycleTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    @DisplayName("a validity end of 2026-05 stays valid through 31 May 24:00 in Shanghai")
    void monthOnlyEndRunsToMonthEnd() {
        ParsedDate validUntil = LedgerDateParser.parse("2026-05", Bound.END);
        CertificateStateEvaluator evaluator = new CertificateStateEvaluator(new LifecyclePolicy(30, 30));

        CertificateState lastMinute = evaluator.evaluate(validUntil.date(), null, null, null,
                Instant.parse("2026-05-31T15:59:00Z"), SHANGHAI);
        CertificateState nextDay = evaluator.evaluate(validUntil.date(), null, null, null,
                Instant.parse("2026-05-31T16:00:00Z"), SHANGHAI);

        assertThat(validUntil.precision()).isEqualTo(DatePrecision.MONTH);
        assertThat(lastMinute).isEqualTo(CertificateState.REVIEW_DUE_SOON);
        assertThat(nextDay).isEqualTo(CertificateState.EXPIRED);
    }

    @Test
    @DisplayName("a month-only review due date counts from the last day of the month")
    void monthOnlyReviewDueIsNotOverdueEarly() {
        ParsedDate reviewDue = LedgerDateParser.parse("2026年2月", Bound.END);
        CertificateStateEvaluator evaluator = new CertificateStateEvaluator(new LifecyclePolicy(30, 30));

        CertificateState midMonth = evaluator.evaluate(reviewDue.date().plusYears(3), reviewDue.date(), null, null,
                Instant.parse("2026-02-15T02:00:00Z"), SHANGHAI);
        CertificateState afterMonth = evaluator.evaluate(reviewDue.date().plusYears(3), reviewDue.date(), null, null,
                Instant.parse("2026-02-28T16:00:00Z"), SHANGHAI);

        assertThat(reviewDue.date()).hasToString("2026-02-28");
        assertThat(midMonth).isEqualTo(CertificateState.REVIEW_DUE_SOON);
        assertThat(afterMonth).isEqualTo(CertificateState.REVIEW_OVERDUE);
    }
}
