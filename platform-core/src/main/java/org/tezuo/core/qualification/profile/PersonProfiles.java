package org.tezuo.core.qualification.profile;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.tezuo.core.qualification.Certificate;
import org.tezuo.core.qualification.Person;
import org.tezuo.core.qualification.QualificationStore;

/** Gathers what the profile page of a person shows, from the badge token or from the person. */
@Component
public class PersonProfiles {

    private final ProfileTokens tokens;
    private final QualificationStore qualifications;
    private final RegistryCheckHistory checks;
    private final AssessmentRecords records;
    private final AssessmentClips clips;

    public PersonProfiles(ProfileTokens tokens, QualificationStore qualifications, RegistryCheckHistory checks,
            AssessmentRecords records, AssessmentClips clips) {
        this.tokens = tokens;
        this.qualifications = qualifications;
        this.checks = checks;
        this.records = records;
        this.clips = clips;
    }

    /** A person with every certificate and its registry checks, and every record with its shown clips. */
    public record PersonProfile(Person person, List<CertificateEntry> certificates, List<AssessmentEntry> assessments) {
    }

    /** A certificate with its registry checks, newest first. */
    public record CertificateEntry(Certificate certificate, List<RegistryCheckHistory.Check> checks) {

        /** Returns the authenticity that the certificate's last registry check found. */
        public Authenticity authenticity() {
            return Authenticity.of(certificate.registryResult());
        }
    }

    /** A training or practical assessment record with the clips whose consent was not withdrawn. */
    public record AssessmentEntry(AssessmentRecord record, List<AssessmentClip> clips) {
    }

    /** Opens the profile that an active token of the tenant names; empty for unknown, revoked or foreign tokens. */
    public Optional<PersonProfile> byToken(long tenantId, String token) {
        return tokens.personOf(tenantId, token)
                .flatMap(personId -> qualifications.findPerson(tenantId, personId))
                .map(this::of);
    }

    /** Gathers the profile of a person already read from the tenant. */
    public PersonProfile of(Person person) {
        long tenantId = person.tenantId();
        List<CertificateEntry> certificates = qualifications.certificatesOf(tenantId, person.id()).stream()
                .map(certificate -> new CertificateEntry(certificate, checks.checksOf(tenantId, certificate.id())))
                .toList();
        Map<Long, List<AssessmentClip>> clipsByRecord = clips.shownClipsOf(tenantId, person.id()).stream()
                .collect(Collectors.groupingBy(AssessmentClip::assessmentId));
        List<AssessmentEntry> assessments = records.recordsOf(tenantId, person.id()).stream()
                .map(record -> new AssessmentEntry(record, clipsByRecord.getOrDefault(record.id(), List.of())))
                .toList();
        return new PersonProfile(person, certificates, assessments);
    }
}
