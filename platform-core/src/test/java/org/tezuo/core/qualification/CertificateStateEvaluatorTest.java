package org.tezuo.core.qualification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tezuo.core.UtcDefaultZoneExtension;
import org.tezuo.core.qualification.verification.CertificateFixtures;
import org.tezuo.core.qualification.verification.LifecyclePolicyParser;
import tools.jackson.databind.json.JsonMapper;

/**
 * Lifecycle dates with the JVM's default zone set to UTC, as on the servers: every decision must come from the
 * tenant's zone and a fixed clock, never from the default zone.
 */
@ExtendWith(UtcDefaultZoneExtension.class)
class CertificateStateEvaluatorTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final LifecyclePolicy POLICY = new LifecyclePolicyParser().parse("ruleset:certificate-lifecycle@1",
            JsonMapper.builder().build().readTree(CertificateFixtures.LIFECYCLE_RULESET));

    private static Certificate certificate(CertificateClass certificateClass, @Nullable LocalDate validFrom,
            LocalDate validUntil, @Nullable LocalDate reviewDueOn, @Nullable LocalDate reviewDoneOn,
            CertificateState state, @Nullable LocalDate extensionApprovedOn) {
        return new Certificate(1, 1, 1, "T110101199001011234", "焊接与热切割作业", "熔化焊接与热切割作业", validFrom,
                DatePrecision.DAY, validFrom, validUntil, DatePrecision.DAY, reviewDueOn, reviewDoneOn, "某市应急管理局",
                state, null, null, null, certificateClass, extensionApprovedOn, null);
    }

    private static Certificate specialOperation(LocalDate validFrom, LocalDate validUntil) {
        return certificate(CertificateClass.SPECIAL_OPERATION, validFrom, validUntil, null, null,
                CertificateState.VALID, null);
    }

    private static LifecycleRule order30() {
        return POLICY.rules().ruleOn(CertificateClass.SPECIAL_OPERATION, LocalDate.of(2026, 5, 31)).orElseThrow();
    }

    @Test
    @DisplayName("a certificate issued on 29 February ends on 28 February six years later")
    void leapDayIssueEndsOnTwentyEighth() {
        LocalDate issued = LocalDate.of(2024, 2, 29);

        LocalDate validUntil = order30().validUntilFor(issued);
        LocalDate firstReview = order30().reviewDueAfter(issued, false);

        assertThat(validUntil).isEqualTo(LocalDate.of(2030, 2, 28));
        assertThat(firstReview).isEqualTo(LocalDate.of(2027, 2, 28));
    }

    @Test
    @DisplayName("a 29 February certificate is expired from 1 March 00:00 in Shanghai, not on 1 March")
    void leapDayCertificateExpiresAfterTwentyEighth() {
        Certificate certificate = specialOperation(LocalDate.of(2024, 2, 29), LocalDate.of(2030, 2, 28));
        CertificateStateEvaluator evaluator = new CertificateStateEvaluator(POLICY);

        CertificateState lastEvening = evaluator.evaluate(certificate, null,
                Instant.parse("2030-02-28T15:59:59Z"), SHANGHAI);
        CertificateState nextMorning = evaluator.evaluate(certificate, null,
                Instant.parse("2030-02-28T16:00:00Z"), SHANGHAI);

        assertThat(lastEvening).isNotEqualTo(CertificateState.EXPIRED);
        assertThat(nextMorning).isEqualTo(CertificateState.EXPIRED);
    }

    @Test
    @DisplayName("the last valid day ends at 24:00 Shanghai while the JVM runs in UTC")
    void lastDayEndsAtMidnightShanghai() {
        LocalDate validUntil = LocalDate.of(2026, 12, 4);
        Clock beforeMidnight = Clock.fixed(Instant.parse("2026-12-04T15:59:59.999Z"), ZoneOffset.UTC);
        Clock atMidnight = Clock.fixed(Instant.parse("2026-12-04T16:00:00Z"), ZoneOffset.UTC);

        boolean expiredBefore = CertificateStateEvaluator.isExpired(validUntil, beforeMidnight.instant(), SHANGHAI);
        boolean expiredAt = CertificateStateEvaluator.isExpired(validUntil, atMidnight.instant(), SHANGHAI);

        assertThat(LocalDate.now(atMidnight)).as("the UTC date still reads 4 December").isEqualTo(validUntil);
        assertThat(expiredBefore).isFalse();
        assertThat(expiredAt).isTrue();
    }

    @Test
    @DisplayName("a missing review due date comes from the rule in force when the cycle started")
    void derivedReviewDueUsesRuleAtCycleStart() {
        Certificate certificate = specialOperation(LocalDate.of(2025, 4, 10), LocalDate.of(2031, 4, 10));

        LocalDate due = new CertificateStateEvaluator(POLICY).reviewDueOf(certificate);

        assertThat(due).isEqualTo(LocalDate.of(2028, 4, 10));
    }

    @Test
    @DisplayName("a review done for the first due date moves the derived due date to the next cycle")
    void reviewDoneMovesDerivedDueDate() {
        Certificate certificate = certificate(CertificateClass.SPECIAL_OPERATION, LocalDate.of(2020, 4, 10),
                LocalDate.of(2026, 4, 10), null, LocalDate.of(2023, 3, 1), CertificateState.VALID, null);

        LocalDate due = new CertificateStateEvaluator(POLICY).reviewDueOf(certificate);

        assertThat(due).as("the second cycle ends with the validity, so no review is due before it").isNull();
    }

    @Test
    @DisplayName("an approved extension uses the six-year interval, so no review falls inside the validity")
    void extensionUsesSixYearInterval() {
        Certificate extended = certificate(CertificateClass.SPECIAL_OPERATION, LocalDate.of(2020, 1, 10),
                LocalDate.of(2026, 1, 10), null, null, CertificateState.VALID, LocalDate.of(2019, 12, 1));
        Certificate regular = specialOperation(LocalDate.of(2020, 1, 10), LocalDate.of(2026, 1, 10));
        CertificateStateEvaluator evaluator = new CertificateStateEvaluator(POLICY);

        assertThat(evaluator.reviewDueOf(extended)).isNull();
        assertThat(evaluator.reviewDueOf(regular)).isEqualTo(LocalDate.of(2023, 1, 10));
    }

    @Test
    @DisplayName("a special-equipment certificate is reviewed every four years")
    void specialEquipmentReviewsEveryFourYears() {
        Certificate certificate = certificate(CertificateClass.SPECIAL_EQUIPMENT, LocalDate.of(2024, 3, 1),
                LocalDate.of(2032, 3, 1), null, null, CertificateState.VALID, null);

        LocalDate due = new CertificateStateEvaluator(POLICY).reviewDueOf(certificate);

        assertThat(due).isEqualTo(LocalDate.of(2028, 3, 1));
    }

    @Test
    @DisplayName("a review missed under 30号令 is 失效 once the registry confirms, and overdue before that")
    void missedReviewInvalidatesAfterConfirmation() {
        Certificate certificate = certificate(CertificateClass.SPECIAL_OPERATION, LocalDate.of(2023, 5, 20),
                LocalDate.of(2029, 5, 20), LocalDate.of(2026, 5, 20), null, CertificateState.VALID, null);
        CertificateStateEvaluator evaluator = new CertificateStateEvaluator(POLICY);
        Instant dayAfterDue = Instant.parse("2026-05-21T01:00:00Z");

        CertificateState unconfirmed = evaluator.evaluate(certificate, null, dayAfterDue, SHANGHAI);
        CertificateState confirmed = evaluator.evaluate(certificate, RegistryResult.VERIFIED, dayAfterDue, SHANGHAI);

        assertThat(unconfirmed).isEqualTo(CertificateState.REVIEW_OVERDUE);
        assertThat(confirmed).isEqualTo(CertificateState.INVALID);
    }

    @Test
    @DisplayName("the due date picks the rule version, so a rule without invalidation keeps the state overdue")
    void ruleVersionPickedByDueDate() {
        LifecycleRule order30 = order30();
        LifecycleRule lenient = new LifecycleRule("lenient-from-2026-06", CertificateClass.SPECIAL_OPERATION,
                LocalDate.of(2026, 6, 1), null, "测试规则", true, order30.validityYears(),
                order30.reviewIntervalYears(), null, null, null,
                new LifecycleRule.Flag(false, "测试规则：逾期不失效", true), null);
        LifecycleRule strict = new LifecycleRule(order30.id(), order30.certificateClass(), null,
                LocalDate.of(2026, 5, 31), order30.regulation(), false, order30.validityYears(),
                order30.reviewIntervalYears(), null, null, null, order30.lateReviewInvalidates(), null);
        CertificateStateEvaluator evaluator = new CertificateStateEvaluator(
                new LifecyclePolicy(90, 30, new LifecycleRules(java.util.List.of(strict, lenient))));
        Certificate dueUnderOrder30 = certificate(CertificateClass.SPECIAL_OPERATION, LocalDate.of(2023, 5, 31),
                LocalDate.of(2029, 5, 31), LocalDate.of(2026, 5, 31), null, CertificateState.VALID, null);
        Certificate dueUnderLenient = certificate(CertificateClass.SPECIAL_OPERATION, LocalDate.of(2023, 6, 1),
                LocalDate.of(2029, 6, 1), LocalDate.of(2026, 6, 1), null, CertificateState.VALID, null);
        Instant later = Instant.parse("2026-07-01T01:00:00Z");

        CertificateState strictState = evaluator.evaluate(dueUnderOrder30, RegistryResult.VERIFIED, later, SHANGHAI);
        CertificateState lenientState = evaluator.evaluate(dueUnderLenient, RegistryResult.VERIFIED, later, SHANGHAI);

        assertThat(strictState).isEqualTo(CertificateState.INVALID);
        assertThat(lenientState).isEqualTo(CertificateState.REVIEW_OVERDUE);
    }

    @Test
    @DisplayName("30号令 applies through 31 May 2026 and 19号令 from 1 June 2026")
    void versionsSplitOnFirstJune() {
        LifecycleRules rules = POLICY.rules();

        assertThat(rules.ruleOn(CertificateClass.SPECIAL_OPERATION, LocalDate.of(2026, 5, 31)))
                .get().extracting(LifecycleRule::id).isEqualTo("special-operation.order-30");
        assertThat(rules.ruleOn(CertificateClass.SPECIAL_OPERATION, LocalDate.of(2026, 6, 1)))
                .get().extracting(LifecycleRule::id).isEqualTo("special-operation.order-19");
        assertThat(rules.ruleOn(CertificateClass.SPECIAL_OPERATION, LocalDate.of(2026, 6, 1)).orElseThrow()
                .unconfirmed()).isTrue();
    }

    @Test
    @DisplayName("a revoked certificate stays revoked whatever its dates")
    void revokedStaysRevoked() {
        Certificate certificate = certificate(CertificateClass.SPECIAL_OPERATION, LocalDate.of(2025, 1, 1),
                LocalDate.of(2031, 1, 1), null, null, CertificateState.REVOKED, null);

        CertificateState state = new CertificateStateEvaluator(POLICY).evaluate(certificate, RegistryResult.VERIFIED,
                Instant.parse("2026-01-01T00:00:00Z"), SHANGHAI);

        assertThat(state).isEqualTo(CertificateState.REVOKED);
        assertThat(state.permitsWork()).isFalse();
    }

    @Test
    @DisplayName("six full months away from the post need a practical re-exam, counted to the calendar day")
    void sixMonthsAwayNeedReexam() {
        LifecycleRule rule = order30();

        assertThat(rule.absenceNeedsReexam(LocalDate.of(2026, 1, 15), LocalDate.of(2026, 7, 14))).isFalse();
        assertThat(rule.absenceNeedsReexam(LocalDate.of(2026, 1, 15), LocalDate.of(2026, 7, 15))).isTrue();
        assertThat(rule.absenceNeedsReexam(LocalDate.of(2025, 8, 31), LocalDate.of(2026, 2, 27))).isFalse();
        assertThat(rule.absenceNeedsReexam(LocalDate.of(2025, 8, 31), LocalDate.of(2026, 2, 28))).isTrue();
    }
}
