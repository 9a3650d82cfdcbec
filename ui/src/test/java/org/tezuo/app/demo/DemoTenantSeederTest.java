package org.tezuo.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.tezuo.app.org.OrgDirectory;
import org.tezuo.app.permit.Actor;
import org.tezuo.app.permit.Permit;
import org.tezuo.app.permit.PermitDrafter;
import org.tezuo.app.permit.PermitQualification;
import org.tezuo.app.permit.PermitRefusedException;
import org.tezuo.app.permit.PermitStatus;
import org.tezuo.app.permit.PermitSubmitter;
import org.tezuo.app.permit.PermitTypes;
import org.tezuo.core.metadata.MetadataStore;
import org.tezuo.core.tenant.Tenant;
import org.tezuo.core.tenant.TenantDirectory;
import org.tezuo.form.definition.FormDefinition;
import org.tezuo.form.definition.FormDefinitionParser;
import org.tezuo.metadata.MetadataKind;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Starts the application in demo mode, so the seeder creates the demo tenant with its users and ledger. The tests
 * check the README's table of which demo user applies for which permit type. The qualification gate passes each of
 * them with the workers the README names, and the scaffolder submits a work-at-height permit. A later start adds
 * the demo users that a tenant created by an earlier version lacks.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "tezuo.demo.enabled=true")
@DirtiesContext
class DemoTenantSeederTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final String DUAN_SIYUAN = "320623197604303015";
    private static final String FAN_MINGHUI = "320681199212156418";

    @Autowired
    TenantDirectory tenants;

    @Autowired
    OrgDirectory directory;

    @Autowired
    PermitTypes permitTypes;

    @Autowired
    PermitQualification qualification;

    @Autowired
    PermitDrafter drafter;

    @Autowired
    PermitSubmitter submitter;

    @Autowired
    MetadataStore metadata;

    @Autowired
    FormDefinitionParser parser;

    @Autowired
    JsonMapper json;

    @Autowired
    DemoTenantSeeder seeder;

    @Autowired
    JdbcClient jdbc;

    @ParameterizedTest(name = "{0} by {1}")
    @CsvSource({
        "hot-work, worker, 李强, 320623198509230318",
        "confined-space, worker, 李强, 320623198509230318",
        "blind-flange, worker, 李强, 320623198509230318",
        "work-at-height, scaffolder, 段思远, 320623197604303015",
        "lifting, worker, 李强, 320623198509230318",
        "temporary-electricity, electrician, 吴刚, 320623197912081151",
        "excavation, worker, 李强, 320623198509230318",
        "road-closure, worker, 李强, 320623198509230318"})
    @DisplayName("The documented demo user and worker pass the qualification gate of each permit type")
    void documentedUserPassesGate(String type, String username, String workerName, String workerIdNumber) {
        Tenant demo = demoTenant();
        var permitType = permitTypes.require(demo.id(), type);
        FormDefinition form = parser.parse(metadata.requirePublished(demo.id(), MetadataKind.FORM,
                permitType.form()));
        ObjectNode data = json.createObjectNode();
        ArrayNode workers = data.putArray(workerField(type));
        workers.add(worker(workerName, workerIdNumber));
        Permit permit = new Permit(0, demo.id(), type, permitType.form(), 1, permitType.flow(), null,
                permitType.ruleset(), null, PermitStatus.DRAFT, username, data, List.of(), null, null, null, null,
                false, Instant.EPOCH, null, null);

        List<PermitRefusedException.Reason> violations = qualification.violations(demo.id(), permit, form, data,
                SHANGHAI, Locale.SIMPLIFIED_CHINESE);

        assertThat(directory.user(demo.id(), username)).isPresent();
        assertThat(violations).isEmpty();
    }

    @Test
    @DisplayName("The demo scaffolder submits a work-at-height permit")
    void scaffolderSubmitsWorkAtHeightPermit() {
        Tenant demo = demoTenant();
        Actor scaffolder = new Actor(demo.id(), "scaffolder", Locale.SIMPLIFIED_CHINESE);
        Permit draft = drafter.create(scaffolder, "work-at-height", heightPermit());

        Permit submitted;
        try {
            submitted = submitter.submit(scaffolder, draft.id());
        } catch (PermitRefusedException e) {
            throw new AssertionError("the height permit was refused: " + e.reasons(), e);
        }

        assertThat(submitted.status()).isEqualTo(PermitStatus.IN_APPROVAL);
    }

    @Test
    @DisplayName("A later start adds demo users the tenant lacks")
    void laterStartAddsMissingUsers() {
        Tenant demo = demoTenant();
        jdbc.sql("delete from app_user where tenant_id = ? and username = ?").params(demo.id(), "electrician").update();

        seeder.addMissingUsers(demo);

        OrgDirectory.TenantUser electrician = directory.user(demo.id(), "electrician").orElseThrow();
        assertThat(electrician.personIdNumber()).isEqualTo("320623197912081151");
        assertThat(directory.orgUnitCodeOf(demo.id(), "electrician")).isEqualTo("EI");
    }

    private Tenant demoTenant() {
        return tenants.findByCode(DemoTenantSeeder.TENANT_CODE).orElseThrow();
    }

    /** Returns the field of a permit type's form that lists its workers. */
    private static String workerField(String type) {
        return switch (type) {
            case "confined-space" -> "entrants";
            case "lifting" -> "operators";
            default -> "workers";
        };
    }

    /** Returns an indoor 6 m work-at-height permit of the two demo scaffolders, starting in 30 minutes. */
    private ObjectNode heightPermit() {
        OffsetDateTime now = OffsetDateTime.now(SHANGHAI).truncatedTo(ChronoUnit.SECONDS);
        ObjectNode data = json.createObjectNode()
                .put("applicantUnit", "维修车间").put("appliedAt", rfc3339(now))
                .put("location", "LNG 储罐 T-101 罐顶平台").put("workContent", "罐顶安全阀检修脚手架搭设")
                .put("workingHeightMetres", 6).put("openAir", false)
                .put("workUnit", "维修车间").put("workLeader", "leader").put("guardian", "何班长")
                .put("workStart", rfc3339(now.plusMinutes(30))).put("workEnd", rfc3339(now.plusHours(8)))
                .put("riskIdentification", "高处坠落；物体打击");
        data.putArray("workers").add(worker("段思远", DUAN_SIYUAN)).add(worker("范明辉", FAN_MINGHUI));
        data.putArray("safetyMeasures").addObject().put("item", "作业人员佩戴符合标准要求的安全帽、安全带")
                .put("applies", true).put("confirmedBy", "何班长");
        data.putObject("briefing").put("givenBy", "leader").put("receivedBy", "段思远、范明辉");
        return data;
    }

    /** Returns a worker row with the ledger's certificate number, which is T followed by the ID number. */
    private ObjectNode worker(String name, String idNumber) {
        return json.createObjectNode().put("name", name).put("idNumber", idNumber).put("certNumber", "T" + idNumber);
    }

    private static String rfc3339(OffsetDateTime time) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX").format(time);
    }
}
