package org.tezuo.core.qualification.verification;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.stereotype.Component;
import org.tezuo.core.connector.registry.RegistryCertificateRecord;
import org.tezuo.core.metadata.MetadataStore;
import org.tezuo.core.qualification.Certificate;
import org.tezuo.core.qualification.CertificateState;
import org.tezuo.core.qualification.DatePrecision;
import org.tezuo.core.qualification.Person;
import org.tezuo.core.qualification.QualificationStore;
import org.tezuo.core.qualification.QualificationStore.CertificateData;
import org.tezuo.core.qualification.QualificationStore.PersonData;
import org.tezuo.core.tenant.Tenant;
import org.tezuo.core.tenant.TenantDirectory;
import org.tezuo.metadata.MetadataKind;
import tools.jackson.databind.json.JsonMapper;

/** Creates tenants, persons, certificates and published documents for the verification and warning tests. */
@Component
public class CertificateFixtures {

    /** Lifecycle ruleset as the special-operations pack ships it, cut down to what the tests need. */
    public static final String LIFECYCLE_RULESET = """
            {
              "name": {"zh": "特种作业操作证生命周期"},
              "thresholds": {},
              "rules": [],
              "certificate": {
                "reviewDueSoonDays": {"value": 90, "unit": "day", "sources": [{"text": "企业实践"}]},
                "anomalyLookbackDays": {"value": 30, "unit": "day", "sources": [{"text": "企业实践"}]}
              },
              "lifecycleRules": [
                {"id": "special-operation.order-30", "certificateClass": "special-operation",
                 "effectiveTo": "2026-05-31", "regulation": "30号令",
                 "validityYears": {"value": 6, "unit": "year", "source": "30号令第十九条"},
                 "reviewIntervalYears": {"value": 3, "unit": "year", "source": "30号令第二十一条"},
                 "extendedReviewIntervalYears": {"value": 6, "unit": "year", "source": "30号令第二十一条"},
                 "cleanRecordYears": {"value": 10, "unit": "year", "source": "30号令第二十一条"},
                 "reviewWindowDays": {"value": 60, "unit": "day", "source": "30号令第二十二条"},
                 "lateReviewInvalidates": {"value": true, "unit": "flag", "source": "30号令第二十六条"},
                 "awayFromPostMonths": {"value": 6, "unit": "month", "source": "30号令第三十二条"}},
                {"id": "special-operation.order-19", "certificateClass": "special-operation",
                 "effectiveFrom": "2026-06-01", "regulation": "应急管理部令第19号", "unconfirmed": true,
                 "validityYears": {"value": 6, "unit": "year", "source": "19号令", "unconfirmed": true},
                 "reviewIntervalYears": {"value": 3, "unit": "year", "source": "19号令", "unconfirmed": true},
                 "extendedReviewIntervalYears": {"value": 6, "unit": "year", "source": "19号令", "unconfirmed": true},
                 "cleanRecordYears": {"value": 10, "unit": "year", "source": "19号令", "unconfirmed": true},
                 "reviewWindowDays": {"value": 60, "unit": "day", "source": "19号令", "unconfirmed": true},
                 "lateReviewInvalidates": {"value": true, "unit": "flag", "source": "19号令", "unconfirmed": true},
                 "awayFromPostMonths": {"value": 6, "unit": "month", "source": "19号令第三十二条（待核实）",
                  "unconfirmed": true}},
                {"id": "special-equipment", "certificateClass": "special-equipment", "regulation": "特种设备作业人员证",
                 "unconfirmed": true,
                 "validityYears": {"value": 4, "unit": "year", "source": "每4年复审", "unconfirmed": true},
                 "reviewIntervalYears": {"value": 4, "unit": "year", "source": "每4年复审", "unconfirmed": true},
                 "lateReviewInvalidates": {"value": true, "unit": "flag", "source": "待核实", "unconfirmed": true}}
              ],
              "warnings": [
                {"id": "notice-90", "offsetDays": 90, "kind": "notice", "recipients": ["HOLDER"],
                 "link": "/training/enrolment?certificate={certificateId}", "source": "企业实践"},
                {"id": "todo-30", "offsetDays": 30, "kind": "todo", "recipients": ["TEAM_LEADER", "HRBP"],
                 "escalation": {"afterHours": 48, "role": "SAFETY_ENGINEER"}, "source": "企业实践"},
                {"id": "freeze-0", "offsetDays": 0, "kind": "freeze",
                 "actions": ["freeze-permits", "revoke-door-access"], "source": "30号令第二十六条；企业实践"}
              ]
            }""";

    private final TenantDirectory tenants;
    private final MetadataStore metadata;
    private final QualificationStore store;
    private final JsonMapper json;

    public CertificateFixtures(TenantDirectory tenants, MetadataStore metadata, QualificationStore store,
            JsonMapper json) {
        this.tenants = tenants;
        this.metadata = metadata;
        this.store = store;
        this.json = json;
    }

    /** Creates a tenant in Asia/Shanghai with the lifecycle ruleset published. */
    public Tenant tenantWithLifecycle() {
        Tenant tenant = tenants.create("t-" + UUID.randomUUID(), "测试化工有限公司", null, ZoneId.of("Asia/Shanghai"));
        metadata.saveAndPublish(tenant.id(), MetadataKind.RULESET, LifecyclePolicyResolver.RULESET_KEY,
                json.readTree(LIFECYCLE_RULESET), "admin");
        return tenant;
    }

    /** Publishes a connector document. */
    public void publishConnector(long tenantId, String key, String type, String baseUrl, String extraJson) {
        String body = "{\"type\": \"" + type + "\", \"baseUrl\": \"" + baseUrl + "\"" + extraJson + "}";
        metadata.saveAndPublish(tenantId, MetadataKind.CONNECTOR, key, json.readTree(body), "admin");
    }

    /** Creates a person with a random ID number in the given team. */
    public Person person(long tenantId, String name, String orgUnit) {
        return store.upsertPerson(tenantId, new PersonData(name, "男", randomIdNumber(), orgUnit, "焊工"));
    }

    /** Creates a welding certificate numbered "T" + ID number, with the given dates. */
    public Certificate certificate(Tenant tenant, Person holder, LocalDate validUntil, LocalDate reviewDueOn,
            LocalDate reviewDoneOn, CertificateState state) {
        CertificateData data = new CertificateData("T" + holder.idNumber(), "焊接与热切割作业", "熔化焊接与热切割作业",
                validUntil.minusYears(6), DatePrecision.DAY, validUntil.minusYears(6).plusDays(1), validUntil,
                DatePrecision.DAY, reviewDueOn, reviewDoneOn, "某市应急管理局");
        return store.upsertCertificate(tenant.id(), holder.id(), data, state);
    }

    /** Returns the registry record that matches a ledger certificate exactly, with the given status. */
    public static RegistryCertificateRecord matchingRecord(Person holder, Certificate certificate, String status) {
        return new RegistryCertificateRecord(certificate.certNumber(), holder.name(), holder.gender(),
                certificate.category(), certificate.item(), certificate.firstIssuedOn(), certificate.validFrom(),
                certificate.validUntil(), certificate.reviewDueOn(), certificate.reviewDoneOn(), certificate.issuer(),
                status);
    }

    private static String randomIdNumber() {
        StringBuilder digits = new StringBuilder("110101");
        for (int i = 0; i < 12; i++) {
            digits.append(ThreadLocalRandom.current().nextInt(10));
        }
        return digits.toString();
    }
}
