package org.tezuo.core.qualification.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tezuo.metadata.DocumentStatus;
import org.tezuo.metadata.MetadataDocument;
import org.tezuo.metadata.MetadataKind;
import tools.jackson.databind.json.JsonMapper;

class GateRequirementTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    @DisplayName("Without appliesTo the gate checks applicant and workers")
    void defaultsToApplicantAndWorkers() {
        GateRequirement requirement = GateRequirement.from(ruleset("""
                {"requiredItems": ["熔化焊接与热切割作业"], "source": "GB 30871-2022 4.9"}"""));

        assertThat(requirement.requiredItems()).containsExactly("熔化焊接与热切割作业");
        assertThat(requirement.checksApplicant()).isTrue();
        assertThat(requirement.checksWorkers()).isTrue();
        assertThat(requirement.anomalyLookbackDays()).isEqualTo(30);
    }

    @Test
    @DisplayName("appliesTo workers leaves the applicant out")
    void appliesToWorkersOnly() {
        GateRequirement requirement = GateRequirement.from(ruleset("""
                {"requiredItems": ["低压电工作业"], "appliesTo": ["workers"], "source": "GB 30871-2022 4.9"}"""));

        assertThat(requirement.checksApplicant()).isFalse();
        assertThat(requirement.checksWorkers()).isTrue();
    }

    @Test
    @DisplayName("An empty item list with noCertificateItem means no certificate is required")
    void emptyItemsAreAllowed() {
        GateRequirement requirement = GateRequirement.from(ruleset("""
                {"requiredItems": [], "noCertificateItem": true, "appliesTo": ["applicant"],
                 "source": "GB 30871-2022 4.9"}"""));

        assertThat(requirement.requiredItems()).isEmpty();
        assertThat(requirement.checksApplicant()).isTrue();
        assertThat(requirement.checksWorkers()).isFalse();
    }

    @Test
    @DisplayName("A gate without an item list is a metadata error")
    void missingItemsAreRejected() {
        assertThatThrownBy(() -> GateRequirement.from(ruleset("""
                {"source": "GB 30871-2022 4.9"}""")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Ruleset ruleset:excavation-qualification@1 needs gate.requiredItems (or "
                        + "gate.noCertificateItem true) and thresholds.anomalyLookbackDays.value");
    }

    private static MetadataDocument ruleset(String gate) {
        String body = """
                {"name": {"zh": "资质门禁"},
                 "thresholds": {"anomalyLookbackDays": {"value": 30, "unit": "d", "source": "企业规定"}},
                 "rules": [], "gate": %s}""".formatted(gate);
        return new MetadataDocument(1, MetadataKind.RULESET, "excavation-qualification", 1, DocumentStatus.PUBLISHED,
                JSON.readTree(body), "checksum", "admin", Instant.EPOCH);
    }
}
