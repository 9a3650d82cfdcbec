package org.tezuo.app.permit;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.tezuo.core.qualification.CertificateState;
import org.tezuo.core.qualification.DatePrecision;
import org.tezuo.core.qualification.Person;
import org.tezuo.core.qualification.QualificationStore;
import org.tezuo.core.qualification.QualificationStore.CertificateData;
import org.tezuo.core.qualification.QualificationStore.PersonData;
import org.tezuo.core.qualification.lifecycle.PostAbsenceStore;
import org.tezuo.core.qualification.profile.AssessmentKind;
import org.tezuo.core.qualification.profile.AssessmentRecords;
import org.tezuo.core.qualification.profile.AssessmentRecords.NewAssessment;
import org.tezuo.core.qualification.profile.AssessmentResult;
import org.tezuo.templates.TemplateInstaller;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/** The personnel facts of a permit's workers, read from the qualification register, absences and assessments. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PermitPersonnelFactsTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final String WELDER_ID = "110101199001011234";
    private static final String FITTER_ID = "110101198502023456";

    @Autowired
    TemplateInstaller installer;

    @Autowired
    QualificationStore qualifications;

    @Autowired
    PostAbsenceStore absences;

    @Autowired
    AssessmentRecords assessments;

    @Autowired
    PermitPersonnelFacts facts;

    @Autowired
    JsonMapper json;

    private long tenantId;
    private LocalDate today;
    private Person welder;
    private Person fitter;

    @BeforeEach
    void registerTwoCertifiedWorkers() {
        tenantId = installer.createTenant("personnel-" + UUID.randomUUID(), "人员因素测试化工", "lng-terminal",
                SHANGHAI, "test").tenant().id();
        today = LocalDate.now(SHANGHAI);
        welder = registerWithValidCertificate("张伟", WELDER_ID);
        fitter = registerWithValidCertificate("李强", FITTER_ID);
    }

    @Test
    @DisplayName("The longest absence without a re-exam counts, an ongoing one up to today")
    void longestUncheckedAbsenceCounts() {
        absences.recordLeft(tenantId, welder.id(), today.minusDays(200), "test");
        absences.recordReturned(tenantId, welder.id(), today.minusDays(10), "test");
        absences.recordLeft(tenantId, fitter.id(), today.minusDays(40), "test");

        Map<String, Object> personnel = facts.of(tenantId, workers(WELDER_ID, FITTER_ID), now());

        assertThat(personnel).containsEntry("daysAwayFromPost", BigDecimal.valueOf(190));
    }

    @Test
    @DisplayName("A passed practical re-exam clears the absence")
    void reexamClearsAbsence() {
        absences.recordLeft(tenantId, welder.id(), today.minusDays(200), "test");
        absences.recordReturned(tenantId, welder.id(), today.minusDays(10), "test");
        absences.recordReexamPassed(tenantId, welder.id(), today.minusDays(5), "test");

        Map<String, Object> personnel = facts.of(tenantId, workers(WELDER_ID), now());

        assertThat(personnel).containsEntry("daysAwayFromPost", BigDecimal.ZERO);
    }

    @Test
    @DisplayName("The latest practical assessment of each worker counts and the worst worker decides")
    void worstLatestPracticalResultCounts() {
        assess(welder, AssessmentKind.PRACTICAL, today.minusDays(60), AssessmentResult.FAILED);
        assess(welder, AssessmentKind.PRACTICAL, today.minusDays(20), AssessmentResult.PASSED);
        assess(fitter, AssessmentKind.PRACTICAL, today.minusDays(30), AssessmentResult.FAILED);
        assess(fitter, AssessmentKind.TRAINING, today.minusDays(3), AssessmentResult.ATTENDED);

        Map<String, Object> both = facts.of(tenantId, workers(WELDER_ID, FITTER_ID), now());
        Map<String, Object> welderOnly = facts.of(tenantId, workers(WELDER_ID), now());

        assertThat(both).containsEntry("practicalAssessment", "failed");
        assertThat(welderOnly).containsEntry("practicalAssessment", "passed");
    }

    @Test
    @DisplayName("A worker without a practical assessment or register entry reads as none")
    void missingAssessmentReadsAsNone() {
        assess(welder, AssessmentKind.PRACTICAL, today.minusDays(20), AssessmentResult.PASSED);

        Map<String, Object> unassessed = facts.of(tenantId, workers(WELDER_ID, FITTER_ID), now());
        Map<String, Object> unregistered = facts.of(tenantId, workers(WELDER_ID, "110101197003037890"), now());

        assertThat(unassessed).containsEntry("practicalAssessment", "none");
        assertThat(unregistered).containsEntry("practicalAssessment", "none")
                .containsEntry("certificateState", "missing");
    }

    @Test
    @DisplayName("Valid workers without absences read as clean facts")
    void cleanWorkersReadClean() {
        assess(welder, AssessmentKind.PRACTICAL, today.minusDays(20), AssessmentResult.PASSED);

        Map<String, Object> personnel = facts.of(tenantId, workers(WELDER_ID), now());

        assertThat(personnel).containsEntry("certificateState", "valid")
                .containsEntry("recentAnomalies", BigDecimal.ZERO)
                .containsEntry("daysAwayFromPost", BigDecimal.ZERO)
                .containsEntry("practicalAssessment", "passed");
    }

    @Test
    @DisplayName("A permit without workers has no personnel facts")
    void noWorkersGiveNull() {
        Map<String, Object> personnel = facts.of(tenantId, json.createArrayNode(), now());

        assertThat(personnel).isNull();
    }

    private Person registerWithValidCertificate(String name, String idNumber) {
        Person person = qualifications.upsertPerson(tenantId, new PersonData(name, "男", idNumber, "维修班", "焊工"));
        qualifications.upsertCertificate(tenantId, person.id(), new CertificateData("T" + idNumber,
                "焊接与热切割作业", "熔化焊接与热切割作业", today.minusYears(2), DatePrecision.DAY, today.minusYears(2),
                today.plusYears(4), DatePrecision.DAY, null, null, "某市应急管理局"), CertificateState.VALID);
        return person;
    }

    private void assess(Person person, AssessmentKind kind, LocalDate heldOn, AssessmentResult result) {
        assessments.record(tenantId, "test", person.id(), new NewAssessment(kind, "熔化焊接与热切割作业", heldOn, result,
                "王考评", null));
    }

    private ArrayNode workers(String... idNumbers) {
        ArrayNode workers = json.createArrayNode();
        for (String idNumber : idNumbers) {
            workers.addObject().put("name", "作业人").put("idNumber", idNumber);
        }
        return workers;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(SHANGHAI);
    }
}
