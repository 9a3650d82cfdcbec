package org.tezuo.core.qualification.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.tezuo.metadata.MetaSchemaValidator;
import org.tezuo.metadata.MetadataKind;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class LedgerProfileTest {

    private final MetaSchemaValidator validator = new MetaSchemaValidator();

    @Test
    void templateEntitySatisfiesMetaSchema() {
        JsonNode body = LngTerminalEntity.personCertificateBody();

        assertThat(validator.validate(MetadataKind.ENTITY, body, Locale.ENGLISH)).isEmpty();
    }

    @Test
    void templateEntityParsesIntoProfile() {
        LedgerProfile profile = LngTerminalEntity.profile();

        assertThat(profile.columns()).containsOnlyKeys(LedgerField.values());
        assertThat(profile.fieldForHeader("证件号码")).contains(LedgerField.ID_NUMBER);
        assertThat(profile.fieldForHeader(" 有效期至（YYYY-MM-DD）*")).contains(LedgerField.VALID_UNTIL);
        assertThat(profile.fieldForHeader("序号")).isEmpty();
        assertThat(profile.require(LedgerField.ITEM).valuesByParent().get("电工作业"))
                .containsExactly("高压电工作业", "低压电工作业", "防爆电气作业");
    }

    @Test
    void valuesByParentNeedsParentField() {
        ObjectNode body = (ObjectNode) LngTerminalEntity.personCertificateBody();
        ((ObjectNode) body.path("fields").path(5)).remove("parentField");

        assertThat(validator.validate(MetadataKind.ENTITY, body, Locale.ENGLISH)).isNotEmpty();
    }

    @Test
    void optionalValidUntilIsRejected() {
        ObjectNode body = (ObjectNode) LngTerminalEntity.personCertificateBody();
        ((ObjectNode) body.path("fields").path(8)).put("required", false);

        assertThatThrownBy(() -> LedgerProfile.from(body))
                .isInstanceOf(InvalidLedgerProfileException.class)
                .hasMessage("Field \"validUntil\" of the entity document must be marked required, because a "
                        + "certificate cannot be stored without it");
    }

    @Test
    void unknownCertificateClassIsRejected() {
        ObjectNode body = (ObjectNode) LngTerminalEntity.personCertificateBody();
        ObjectNode classField = (ObjectNode) body.path("fields").path(14);
        classField.putArray("values").add("特种作业操作证").add("特种设备作业人员证").add("消防设施操作员证");

        assertThatThrownBy(() -> LedgerProfile.from(body))
                .isInstanceOf(InvalidLedgerProfileException.class)
                .hasMessage("The certificate class \"消防设施操作员证\" in the entity document is not supported; use one of "
                        + "特种作业操作证、特种设备作业人员证");
    }

    @Test
    void categoryGroupedByUnlistedClassIsRejected() {
        ObjectNode body = (ObjectNode) LngTerminalEntity.personCertificateBody();
        ObjectNode classField = (ObjectNode) body.path("fields").path(14);
        classField.putArray("values").add("特种作业操作证");

        assertThatThrownBy(() -> LedgerProfile.from(body))
                .isInstanceOf(InvalidLedgerProfileException.class)
                .hasMessageStartingWith("When the entity document's field \"category\" is grouped by certificate class");
    }

    @Test
    void synonymToUnlistedValueIsRejected() {
        ObjectNode body = (ObjectNode) LngTerminalEntity.personCertificateBody();
        ((ObjectNode) body.path("importProfile").path("valueSynonyms").path("category")).put("潜水员", "潜水作业");

        assertThatThrownBy(() -> LedgerProfile.from(body))
                .hasMessage("valueSynonyms.category of the entity document maps \"潜水员\" to \"潜水作业\", which the "
                        + "field does not accept; map it to one of the field values");
    }

    @Test
    void otherNaturalKeyIsRejected() {
        ObjectNode body = (ObjectNode) LngTerminalEntity.personCertificateBody();
        ((ObjectNode) body.path("importProfile")).putArray("naturalKey").add("certNumber");

        assertThatThrownBy(() -> LedgerProfile.from(body))
                .hasMessage("importProfile.naturalKey of the entity document is [\"certNumber\"]; the certificate "
                        + "ledger key must be [\"idNumber\", \"certNumber\"]");
    }
}
