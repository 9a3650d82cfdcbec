package org.tezuo.core.qualification.roster;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.tezuo.core.audit.AuditLog;
import org.tezuo.core.qualification.Certificate;
import org.tezuo.core.qualification.CertificateClass;
import org.tezuo.core.qualification.CertificateState;
import org.tezuo.core.qualification.CertificateStateEvaluator;
import org.tezuo.core.qualification.DatePrecision;
import org.tezuo.core.qualification.Person;
import org.tezuo.core.qualification.QualificationStore;
import org.tezuo.core.qualification.QualificationStore.CertificateData;
import org.tezuo.core.qualification.QualificationStore.PersonData;

/**
 * Writes one valid ledger row: the person and the certificate with its computed state, plus an audit record.
 * A column the file lacks keeps the stored value; a row equal to what is stored writes nothing.
 */
@Component
class RosterWriter {

    static final String ACTION_CREATE = "roster.certificate.create";
    static final String ACTION_UPDATE = "roster.certificate.update";

    private final QualificationStore store;
    private final AuditLog audit;

    RosterWriter(QualificationStore store, AuditLog audit) {
        this.store = store;
        this.audit = audit;
    }

    /** The values that are the same for every row of one import. */
    record Context(long tenantId, long batchId, String actor, CertificateStateEvaluator evaluator, Instant now,
            ZoneId zone) {
    }

    RowOutcome write(LedgerEntry entry, Context context) {
        long tenantId = context.tenantId();
        Optional<Person> storedPerson = store.findPersonByIdNumber(tenantId, entry.person().idNumber());
        Optional<Certificate> storedCertificate = storedPerson.flatMap(person -> store.certificatesOf(tenantId,
                person.id()).stream().filter(c -> c.certNumber().equals(entry.certificate().certNumber())).findFirst());

        PersonData person = mergePerson(entry, storedPerson.orElse(null));
        CertificateData certificate = mergeCertificate(entry, storedCertificate.orElse(null));
        // A ledger without a review due date still has one: the rule's interval from the validity start.
        LocalDate reviewDueOn = context.evaluator().reviewDueOf(certificate.certificateClass(),
                certificate.reviewDueOn(), certificate.validFrom(), certificate.firstIssuedOn(),
                certificate.validUntil(), certificate.reviewDoneOn(),
                storedCertificate.map(stored -> stored.reviewExtensionApprovedOn() != null).orElse(false));
        CertificateState state = context.evaluator().evaluate(certificate.certificateClass(),
                certificate.validUntil(), reviewDueOn,
                certificate.reviewDoneOn(), storedCertificate.map(Certificate::registryResult).orElse(null),
                context.now(), context.zone());

        if (storedCertificate.isPresent() && person.equals(personData(storedPerson.get()))
                && certificate.equals(certificateData(storedCertificate.get()))
                && state == storedCertificate.get().state()) {
            return new RowOutcome(entry.rowNumber(), RowStatus.UNCHANGED, storedCertificate.get().id(), List.of());
        }

        Person savedPerson = store.upsertPerson(tenantId, person);
        Certificate saved = store.upsertCertificate(tenantId, savedPerson.id(), certificate, state);
        AuditSnapshot before = storedCertificate.map(stored -> AuditSnapshot.of(storedPerson.get(), stored, null))
                .orElse(null);
        audit.append(tenantId, context.actor(), before == null ? ACTION_CREATE : ACTION_UPDATE, "certificate",
                String.valueOf(saved.id()), before, AuditSnapshot.of(savedPerson, saved, context.batchId()));
        RowStatus status = storedCertificate.isPresent() ? RowStatus.UPDATED : RowStatus.CREATED;
        return new RowOutcome(entry.rowNumber(), status, saved.id(), List.of());
    }

    private static PersonData mergePerson(LedgerEntry entry, @Nullable Person stored) {
        PersonData row = entry.person();
        if (stored == null) {
            return row;
        }
        Set<LedgerField> present = entry.presentFields();
        return new PersonData(row.name(),
                present.contains(LedgerField.GENDER) ? row.gender() : stored.gender(),
                row.idNumber(),
                present.contains(LedgerField.ORG_UNIT) ? row.orgUnit() : stored.orgUnit(),
                present.contains(LedgerField.POSITION) ? row.position() : stored.position());
    }

    private static CertificateData mergeCertificate(LedgerEntry entry, @Nullable Certificate stored) {
        CertificateData row = entry.certificate();
        if (stored == null) {
            return row;
        }
        Set<LedgerField> present = entry.presentFields();
        boolean firstIssuedPresent = present.contains(LedgerField.FIRST_ISSUED_ON);
        return new CertificateData(row.certNumber(), row.category(), row.item(),
                firstIssuedPresent ? row.firstIssuedOn() : stored.firstIssuedOn(),
                firstIssuedPresent ? row.firstIssuedPrecision() : stored.firstIssuedPrecision(),
                present.contains(LedgerField.VALID_FROM) ? row.validFrom() : stored.validFrom(),
                row.validUntil(), row.validUntilPrecision(),
                present.contains(LedgerField.REVIEW_DUE_ON) ? row.reviewDueOn() : stored.reviewDueOn(),
                present.contains(LedgerField.REVIEW_DONE_ON) ? row.reviewDoneOn() : stored.reviewDoneOn(),
                present.contains(LedgerField.ISSUER) ? row.issuer() : stored.issuer(), row.certificateClass());
    }

    private static PersonData personData(Person person) {
        return new PersonData(person.name(), person.gender(), person.idNumber(), person.orgUnit(), person.position());
    }

    private static CertificateData certificateData(Certificate c) {
        return new CertificateData(c.certNumber(), c.category(), c.item(), c.firstIssuedOn(),
                c.firstIssuedPrecision(), c.validFrom(), c.validUntil(), c.validUntilPrecision(), c.reviewDueOn(),
                c.reviewDoneOn(), c.issuer(), c.certificateClass());
    }

    /**
     * A certificate and its holder as written to the audit log. The ID number is masked; the certificate number
     * is the certificate's identity and is kept.
     */
    record AuditSnapshot(String name, @Nullable String gender, String maskedIdNumber, @Nullable String orgUnit,
            @Nullable String position, String certNumber, String category, String item,
            @Nullable LocalDate firstIssuedOn, @Nullable DatePrecision firstIssuedPrecision,
            @Nullable LocalDate validFrom, LocalDate validUntil, DatePrecision validUntilPrecision,
            @Nullable LocalDate reviewDueOn, @Nullable LocalDate reviewDoneOn, @Nullable String issuer,
            CertificateClass certificateClass, CertificateState state, @Nullable Long importBatchId) {

        static AuditSnapshot of(Person person, Certificate c, @Nullable Long batchId) {
            return new AuditSnapshot(person.name(), person.gender(), person.maskedIdNumber(), person.orgUnit(),
                    person.position(), c.certNumber(), c.category(), c.item(), c.firstIssuedOn(),
                    c.firstIssuedPrecision(), c.validFrom(), c.validUntil(), c.validUntilPrecision(), c.reviewDueOn(),
                    c.reviewDoneOn(), c.issuer(), c.certificateClass(), c.state(), batchId);
        }
    }
}
