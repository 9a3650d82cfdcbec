package org.tezuo.templates.lngterminal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tezuo.core.i18n.UserMessages;
import org.tezuo.core.qualification.gate.GateRequirement;
import org.tezuo.metadata.DocumentStatus;
import org.tezuo.metadata.MetaSchemaValidator;
import org.tezuo.metadata.MetadataDocument;
import org.tezuo.metadata.MetadataKind;
import tools.jackson.databind.JsonNode;

/** The qualification gates of temporary electricity, excavation and road closure, read as the gate reads them. */
class PermitQualificationRulesetsTest {

    @Test
    @DisplayName("Temporary electricity checks the named electricians, not the applicant")
    void temporaryElectricityChecksElectricians() {
        GateRequirement requirement = gate("temporary-electricity-qualification");

        assertThat(requirement.requiredItems()).containsExactlyInAnyOrder("低压电工作业", "高压电工作业", "防爆电气作业");
        assertThat(requirement.checksWorkers()).isTrue();
        assertThat(requirement.checksApplicant()).isFalse();
        assertThat(requirement.source()).contains("GB 30871-2022 4.9");
    }

    @Test
    @DisplayName("Excavation and road closure need no certificate but still check the applicant")
    void excavationAndRoadClosureNeedNoCertificate() {
        for (String key : new String[] {"excavation-qualification", "road-closure-qualification"}) {
            GateRequirement requirement = gate(key);

            assertThat(requirement.requiredItems()).as(key).isEmpty();
            assertThat(requirement.checksApplicant()).as(key).isTrue();
            assertThat(requirement.anomalyLookbackDays()).as(key).isEqualTo(30);
        }
    }

    private static GateRequirement gate(String key) {
        JsonNode body = TemplateDocuments.read("ruleset/" + key + ".json");
        assertThat(new MetaSchemaValidator().validate(MetadataKind.RULESET, body, UserMessages.DEFAULT_LOCALE))
                .as(key).isEmpty();
        return GateRequirement.from(new MetadataDocument(1, MetadataKind.RULESET, key, 1, DocumentStatus.PUBLISHED,
                body, "checksum", "test", Instant.EPOCH));
    }
}
