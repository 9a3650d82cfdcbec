package org.tezuo.app.permit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.tezuo.core.qualification.Certificate;
import org.tezuo.core.qualification.CertificateState;
import org.tezuo.core.qualification.Person;
import org.tezuo.core.qualification.QualificationStore;
import org.tezuo.core.qualification.lifecycle.PostAbsence;
import org.tezuo.core.qualification.lifecycle.PostAbsenceStore;
import org.tezuo.core.qualification.profile.AssessmentKind;
import org.tezuo.core.qualification.profile.AssessmentRecord;
import org.tezuo.core.qualification.profile.AssessmentRecords;
import org.tezuo.core.qualification.profile.AssessmentResult;
import tools.jackson.databind.JsonNode;

/**
 * Reads the {@code personnel} variable of the risk score from the workers named on a permit. Workers are matched by
 * the {@code idNumber} of each row, so a form whose worker rows carry no ID number yields workers that count as
 * missing from the register.
 */
@Component
class PermitPersonnelFacts {

    /** Worker certificate states from best to worst, as the scoring expressions compare them. */
    private static final List<String> CERTIFICATE_STATES = List.of("valid", "expiring", "missing", "expired");
    /** Latest practical assessment results from best to worst. */
    private static final List<String> PRACTICAL_RESULTS = List.of("passed", "none", "failed");
    /**
     * How far back anomalies count towards the score, in days. NOTE: fixed here, while the qualification gate reads
     * its look-back from the ruleset (anomalyLookbackDays).
     */
    private static final int ANOMALY_LOOKBACK_DAYS = 30;

    private final QualificationStore qualifications;
    private final PostAbsenceStore absences;
    private final AssessmentRecords assessments;

    PermitPersonnelFacts(QualificationStore qualifications, PostAbsenceStore absences,
            AssessmentRecords assessments) {
        this.qualifications = qualifications;
        this.absences = absences;
        this.assessments = assessments;
    }

    /**
     * Returns the personnel facts of {@code workers}, or null without workers.
     * <ul>
     * <li>{@code certificateState}: the worst worker's state. A worker is valid with one valid certificate,
     * expiring when the best is due for review soon, missing without a person or certificate on record, and expired
     * otherwise. The certificate's item is checked by the qualification gate, not here.</li>
     * <li>{@code recentAnomalies}: the workers' qualification anomalies of the last
     * {@value #ANOMALY_LOOKBACK_DAYS} days.</li>
     * <li>{@code daysAwayFromPost}: the longest latest absence from the post among the workers, in days, counted to
     * today while it lasts. An absence followed by a passed practical re-exam counts 0, and so does one that starts
     * after today.</li>
     * <li>{@code practicalAssessment}: the worst of the workers' latest practical assessment results, one of passed,
     * none (no practical assessment on record, or a worker missing from the register) and failed.</li>
     * </ul>
     */
    @Nullable Map<String, @Nullable Object> of(long tenantId, JsonNode workers, OffsetDateTime now) {
        if (!workers.isArray() || workers.isEmpty()) {
            return null;
        }
        LocalDate today = now.toLocalDate();
        int worstCertificate = 0;
        int worstPractical = 0;
        long anomalies = 0;
        long longestAbsenceDays = 0;
        for (JsonNode worker : workers) {
            Optional<Person> found = qualifications.findPersonByIdNumber(tenantId,
                    worker.path("idNumber").asString(""));
            if (found.isEmpty()) {
                worstCertificate = Math.max(worstCertificate, CERTIFICATE_STATES.indexOf("missing"));
                worstPractical = Math.max(worstPractical, PRACTICAL_RESULTS.indexOf("none"));
                continue;
            }
            long personId = found.get().id();

            worstCertificate = Math.max(worstCertificate, CERTIFICATE_STATES.indexOf(certificateState(
                    qualifications.certificatesOf(tenantId, personId))));
            anomalies += qualifications.anomaliesSince(tenantId, personId,
                    now.minusDays(ANOMALY_LOOKBACK_DAYS).toInstant()).size();
            longestAbsenceDays = Math.max(longestAbsenceDays, absences.latest(tenantId, personId)
                    .map(absence -> uncheckedAbsenceDays(absence, today)).orElse(0L));
            worstPractical = Math.max(worstPractical, PRACTICAL_RESULTS.indexOf(
                    latestPracticalResult(assessments.recordsOf(tenantId, personId))));
        }

        Map<String, @Nullable Object> personnel = new HashMap<>();
        personnel.put("certificateState", CERTIFICATE_STATES.get(worstCertificate));
        personnel.put("recentAnomalies", BigDecimal.valueOf(anomalies));
        personnel.put("daysAwayFromPost", BigDecimal.valueOf(longestAbsenceDays));
        personnel.put("practicalAssessment", PRACTICAL_RESULTS.get(worstPractical));
        return personnel;
    }

    private static String certificateState(List<Certificate> certificates) {
        if (certificates.isEmpty()) {
            return "missing";
        }
        if (certificates.stream().anyMatch(certificate -> certificate.state() == CertificateState.VALID)) {
            return "valid";
        }
        if (certificates.stream().anyMatch(certificate -> certificate.state() == CertificateState.REVIEW_DUE_SOON)) {
            return "expiring";
        }
        return "expired";
    }

    /** Returns the absence's length in days unless a passed re-exam followed it or it has not started yet. */
    private static long uncheckedAbsenceDays(PostAbsence absence, LocalDate today) {
        if (absence.reexamPassedOn() != null || absence.leftOn().isAfter(today)) {
            return 0;
        }
        LocalDate end = absence.returnedOn() == null || absence.returnedOn().isAfter(today)
                ? today
                : absence.returnedOn();
        return ChronoUnit.DAYS.between(absence.leftOn(), end);
    }

    /** Returns passed or failed for the newest practical assessment among records sorted newest first, or none. */
    private static String latestPracticalResult(List<AssessmentRecord> records) {
        return records.stream()
                .filter(record -> record.kind() == AssessmentKind.PRACTICAL)
                .findFirst()
                .map(record -> record.result() == AssessmentResult.FAILED ? "failed" : "passed")
                .orElse("none");
    }
}
