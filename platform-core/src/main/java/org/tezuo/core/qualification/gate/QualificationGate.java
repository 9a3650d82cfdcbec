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
import org.tezuo.core.qualification.CertificateClass;
import org.tezuo.core.qualification.CertificateState;
import org.tezuo.core.qualification.CertificateStateEvaluator;
import org.tezuo.core.qualification.Person;
import org.tezuo.core.qualification.LifecycleRule;
import org.tezuo.core.qualification.QualificationStore;
import org.tezuo.core.qualification.lifecycle.PostAbsence;
import org.tezuo.core.qualification.lifecycle.PostAbsenceStore;
import org.tezuo.core.qualification.verification.LifecyclePolicyResolver;

/**
 * Checks the people named on a permit before it is submitted. Each must be in the ledger and, when the requirement
 * names certificate items, hold a certificate for one of them that is in a working state and not past its printed
 * last day. No person may
 * be frozen or have a qualification anomaly within the look-back window. A person away from the post may not work,
 * and after an absence as long as the lifecycle rule's away-from-post months only with a passed practical re-exam.
 * Every violation of every person is returned.
 */
@Component
public class QualificationGate {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final QualificationStore store;
    private final PostAbsenceStore absences;
    private final LifecyclePolicyResolver policies;

    public QualificationGate(QualificationStore store, PostAbsenceStore absences, LifecyclePolicyResolver policies) {
        this.store = store;
        this.absences = absences;
        this.policies = policies;
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
            // A person of the same name in the ledger most likely means a mistyped ID number, not a missing person.
            Optional<Person> sameName = store.persons(tenantId).stream()
                    .filter(person -> person.name().equals(subject.name().strip()))
                    .findFirst();
            return List.of(sameName.isPresent()
                    ? violation(subject, "gate.idNumberNotInLedger", subject.role(), subject.name(),
                            subject.idNumber(), sameName.get().maskedIdNumber())
                    : violation(subject, "gate.notInLedger", subject.role(), subject.name()));
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
        // An operation that no certificate item covers (an empty list) gets only the checks after this one.
        boolean itemsRequired = !requirement.requiredItems().isEmpty();
        if (itemsRequired && relevant.isEmpty()) {
            violations.add(violation(subject, "gate.noCertificate", subject.role(), person.name(),
                    String.join("、", requirement.requiredItems()), requirement.source()));
        } else if (itemsRequired && !qualified) {
            Certificate best = relevant.getLast();
            CertificateState state = CertificateStateEvaluator.isExpired(best.validUntil(), now, zone)
                    ? CertificateState.EXPIRED : best.state();
            violations.add(violation(subject, "gate.certificateNotValid", subject.role(), person.name(),
                    best.certNumber(), best.item(), state, best.validUntil().toString(), requirement.source()));
        }

        absences.latest(tenantId, person.id()).ifPresent(absence -> absenceViolation(tenantId, subject, person,
                absence, relevant, now.atZone(zone).toLocalDate()).ifPresent(violations::add));

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

    /**
     * Returns the violation an absence from the post causes: none once the practical re-exam is passed or when the
     * absence was shorter than the rule's months. The rule is the one in force today for the class of the person's
     * relevant certificate (special operation when they hold none).
     */
    private Optional<GateViolation> absenceViolation(long tenantId, GateSubject subject, Person person,
            PostAbsence absence, List<Certificate> relevant, LocalDate today) {
        if (absence.leftOn().isAfter(today)) {
            return Optional.empty();
        }
        if (absence.ongoing()) {
            return Optional.of(violation(subject, "gate.awayFromPost", subject.role(), person.name(),
                    absence.leftOn().toString()));
        }
        if (absence.reexamPassedOn() != null) {
            return Optional.empty();
        }
        CertificateClass certificateClass = relevant.isEmpty() ? CertificateClass.SPECIAL_OPERATION
                : relevant.getLast().certificateClass();
        Optional<LifecycleRule> rule = policies.findPolicy(tenantId)
                .flatMap(policy -> policy.rules().ruleOn(certificateClass, today));
        if (rule.isEmpty() || !rule.get().absenceNeedsReexam(absence.leftOn(), absence.returnedOn())) {
            return Optional.empty();
        }
        LifecycleRule.Value months = rule.get().awayFromPostMonths();
        return Optional.of(violation(subject, "gate.reexamRequired", subject.role(), person.name(),
                absence.leftOn().toString(), absence.returnedOn().toString(), months.amount(), months.source()));
    }

    private static GateViolation violation(GateSubject subject, String key, Object... arguments) {
        return new GateViolation(subject.name(), key, arguments);
    }
}
