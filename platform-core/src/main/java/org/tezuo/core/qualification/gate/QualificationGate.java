package org.tezuo.core.qualification.gate;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.tezuo.core.qualification.Certificate;
import org.tezuo.core.qualification.CertificateState;
import org.tezuo.core.qualification.CertificateStateEvaluator;
import org.tezuo.core.qualification.Person;
import org.tezuo.core.qualification.QualificationStore;

/**
 * Checks the people named on a permit before it is submitted. Each must be in the ledger and hold a certificate
 * for one of the required items that is in a working state and not past its printed last day. No person may
 * be frozen or have a qualification anomaly within the look-back window. Every violation of every person is returned.
 */
@Component
public class QualificationGate {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final QualificationStore store;

    public QualificationGate(QualificationStore store) {
        this.store = store;
    }

    public List<GateViolation> check(long tenantId, List<GateSubject> subjects, GateRequirement requirement,
            Instant now, ZoneId zone) {
        List<GateViolation> violations = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (GateSubject subject : subjects) {
            if (!seen.add(subject.idNumber())) {
                violations.add(violation(subject, "gate.duplicateIdNumber", subject.role(), subject.name()));
                continue;
            }
            violations.addAll(checkOne(tenantId, subject, requirement, now, zone));
        }
        return violations;
    }

    private List<GateViolation> checkOne(long tenantId, GateSubject subject, GateRequirement requirement, Instant now,
            ZoneId zone) {
        Optional<Person> found = store.findPersonByIdNumber(tenantId, subject.idNumber());
        if (found.isEmpty()) {
            return List.of(violation(subject, "gate.notInLedger", subject.role(), subject.name()));
        }
        Person person = found.get();
        List<GateViolation> violations = new ArrayList<>();
        if (!person.name().equals(subject.name().strip())) {
            violations.add(violation(subject, "gate.nameMismatch", subject.role(), subject.name(), person.name()));
        }
        if (subject.certNumber() != null && store.certificatesOf(tenantId, person.id()).stream()
                .noneMatch(certificate -> certificate.certNumber().equals(subject.certNumber().strip()))) {
            violations.add(violation(subject, "gate.certificateNotHeld", subject.role(), person.name(),
                    subject.certNumber()));
        }

        List<Certificate> relevant = store.certificatesOf(tenantId, person.id()).stream()
                .filter(certificate -> requirement.requiredItems().contains(certificate.item()))
                .toList();
        boolean qualified = relevant.stream().anyMatch(certificate -> certificate.state().permitsWork()
                && !CertificateStateEvaluator.isExpired(certificate.validUntil(), now, zone));
        if (relevant.isEmpty()) {
            violations.add(violation(subject, "gate.noCertificate", subject.role(), person.name(),
                    String.join("、", requirement.requiredItems()), requirement.source()));
        } else if (!qualified) {
            Certificate best = relevant.getLast();
            CertificateState state = CertificateStateEvaluator.isExpired(best.validUntil(), now, zone)
                    ? CertificateState.EXPIRED : best.state();
            violations.add(violation(subject, "gate.certificateNotValid", subject.role(), person.name(),
                    best.certNumber(), best.item(), state, best.validUntil().toString(), requirement.source()));
        }

        if (person.permitFrozen()) {
            violations.add(violation(subject, "gate.frozen", subject.role(), person.name(),
                    String.valueOf(person.freezeReason())));
        }

        Instant since = now.minus(Duration.ofDays(requirement.anomalyLookbackDays()));
        store.anomaliesSince(tenantId, person.id(), since).stream().findFirst().ifPresent(anomaly ->
                violations.add(violation(subject, "gate.recentAnomaly", subject.role(), person.name(),
                        DATE_TIME.format(anomaly.occurredAt().atZone(zone)), anomaly.detail(),
                        requirement.anomalyLookbackDays(),
                        LocalDate.ofInstant(anomaly.occurredAt(), zone)
                                .plusDays(requirement.anomalyLookbackDays()).toString())));
        return violations;
    }

    private static GateViolation violation(GateSubject subject, String key, Object... arguments) {
        return new GateViolation(subject.name(), key, arguments);
    }
}
