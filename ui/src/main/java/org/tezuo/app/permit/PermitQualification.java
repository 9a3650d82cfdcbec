package org.tezuo.app.permit;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.tezuo.app.org.OrgDirectory;
import org.tezuo.core.i18n.UserMessages;
import org.tezuo.core.metadata.MetadataStore;
import org.tezuo.core.qualification.Person;
import org.tezuo.core.qualification.QualificationStore;
import org.tezuo.core.qualification.gate.GateRequirement;
import org.tezuo.core.qualification.gate.GateSubject;
import org.tezuo.core.qualification.gate.GateViolation;
import org.tezuo.core.qualification.gate.QualificationGate;
import org.tezuo.form.definition.FormDefinition;
import org.tezuo.metadata.MetadataDocument;
import org.tezuo.metadata.MetadataKind;
import org.tezuo.templates.IndustryTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * Runs the qualification gate of a permit's type over its applicant and every worker the form data names. The
 * submission and the {@code qualificationCheck} flow action both call it, so both apply the same rules.
 */
@Component
public class PermitQualification {

    private final PermitTypes permitTypes;
    private final QualificationGate gate;
    private final QualificationStore qualifications;
    private final MetadataStore metadata;
    private final OrgDirectory directory;
    private final Clock clock;

    PermitQualification(PermitTypes permitTypes, QualificationGate gate, QualificationStore qualifications,
            MetadataStore metadata, OrgDirectory directory, Clock clock) {
        this.permitTypes = permitTypes;
        this.gate = gate;
        this.qualifications = qualifications;
        this.metadata = metadata;
        this.directory = directory;
        this.clock = clock;
    }

    /**
     * Returns every reason the gate refuses the people of {@code data}, rendered in {@code locale}; empty when all
     * of them qualify now.
     */
    public List<PermitRefusedException.Reason> violations(long tenantId, Permit permit, FormDefinition form,
            JsonNode data, ZoneId zone, Locale locale) {
        IndustryTemplate.PermitType type = permitTypes.require(tenantId, permit.permitType());
        MetadataDocument rulesetDocument = metadata.requirePublished(tenantId, MetadataKind.RULESET,
                type.qualificationRuleset());
        GateRequirement requirement = GateRequirement.from(rulesetDocument);

        List<GateSubject> subjects = new ArrayList<>();
        String applicantRole = UserMessages.render(locale, "permit.role.applicant");
        String workerRole = UserMessages.render(locale, "permit.role.worker");
        OrgDirectory.TenantUser applicant = directory.user(tenantId, permit.applicant()).orElseThrow();
        @Nullable String applicantIdNumber = null;
        @Nullable String applicantName = null;
        if (requirement.checksApplicant()) {
            if (applicant.personIdNumber() == null) {
                return List.of(new PermitRefusedException.Reason("applicant",
                        UserMessages.render(locale, "permit.applicantNotLinked", applicant.username())));
            }
            applicantIdNumber = applicant.personIdNumber();
            applicantName = ledgerName(tenantId, applicant);
            subjects.add(GateSubject.withoutCertificate(applicantRole, applicantName, applicantIdNumber));
        }

        JsonNode workers = requirement.checksWorkers() ? form.boundValue("workers", data) : MissingNode.getInstance();
        for (JsonNode worker : workers) {
            String idNumber = worker.path("idNumber").asString("");
            String certNumber = worker.path("certNumber").asString("");
            // An applicant who also works is checked once, as the applicant.
            boolean isApplicant = idNumber.equals(applicantIdNumber)
                    && worker.path("name").asString("").strip().equals(applicantName);
            if (!isApplicant) {
                subjects.add(new GateSubject(workerRole, worker.path("name").asString(""), idNumber,
                        certNumber.isBlank() ? null : certNumber));
            }
        }
        List<GateViolation> violations = gate.check(tenantId, subjects, requirement, clock.instant(), zone);
        return violations.stream()
                .map(violation -> new PermitRefusedException.Reason(violation.subjectName(),
                        violation.message(locale)))
                .toList();
    }

    /** Returns the ledger name of the person linked to a user, falling back to the user's display name. */
    private String ledgerName(long tenantId, OrgDirectory.TenantUser user) {
        return qualifications.findPersonByIdNumber(tenantId, String.valueOf(user.personIdNumber()))
                .map(Person::name)
                .orElse(user.displayName());
    }
}
