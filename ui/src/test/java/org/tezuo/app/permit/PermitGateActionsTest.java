package org.tezuo.app.permit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.tezuo.app.permit.evidence.EvidenceRecorder;
import org.tezuo.app.permit.evidence.PermitEvidence;
import org.tezuo.app.security.UserAccounts;
import org.tezuo.core.i18n.LocalizedException;
import org.tezuo.core.metadata.MetadataStore;
import org.tezuo.core.qualification.CertificateState;
import org.tezuo.core.qualification.DatePrecision;
import org.tezuo.core.qualification.Person;
import org.tezuo.core.qualification.QualificationStore;
import org.tezuo.core.qualification.QualificationStore.CertificateData;
import org.tezuo.core.qualification.QualificationStore.PersonData;
import org.tezuo.metadata.MetadataKind;
import org.tezuo.templates.TemplateInstaller;
import org.tezuo.workflow.action.FlowActionContext;
import org.tezuo.workflow.action.FlowActionResult;
import org.tezuo.workflow.action.FlowActions;
import org.tezuo.workflow.approval.TaskDecisionContext;
import org.tezuo.workflow.definition.ApprovalMode;
import org.tezuo.workflow.definition.ApproverNode;
import org.tezuo.workflow.definition.AssigneeSpec;
import org.tezuo.workflow.definition.FlowDefinition;
import org.tezuo.workflow.definition.GateNode;
import org.tezuo.workflow.definition.Label;
import org.tezuo.workflow.definition.NoAssigneePolicy;
import org.tezuo.workflow.definition.RejectRoute;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The three permit gates of approval chains, run as the flow action delegate runs them, and the risk confirmation
 * guard of approvals, against a permit of the LNG template's hot-work form in a fresh tenant.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PermitGateActionsTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final String APPLICANT_ID_NUMBER = "110105198503152014";
    private static final String WORKER_ID_NUMBER = "110105199001011232";

    @Autowired
    TemplateInstaller installer;

    @Autowired
    UserAccounts accounts;

    @Autowired
    QualificationStore qualifications;

    @Autowired
    PermitDrafter drafter;

    @Autowired
    PermitStore permits;

    @Autowired
    FlowActions actions;

    @Autowired
    MetadataStore metadata;

    @Autowired
    JsonMapper json;

    @Autowired
    EvidenceRecorder evidenceRecorder;

    @Autowired
    RiskEvidenceSealer sealer;

    @Autowired
    RiskConfirmationGuard guard;

    private long tenantId;
    private Person worker;
    private Person applicantPerson;
    private String applicant;

    @BeforeEach
    void seedTenant() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        tenantId = installer.createTenant("gates-" + suffix, "闸门测试化工", "lng-terminal", SHANGHAI, "test")
                .tenant().id();
        applicantPerson = qualifiedPerson("李焊工", APPLICANT_ID_NUMBER);
        worker = qualifiedPerson("𠀀师傅", WORKER_ID_NUMBER);
        applicant = "welder-" + suffix;
        accounts.create(tenantId, applicant, "Anquan-2026", "李焊工", Set.of("WORKER"), null,
                applicantPerson.idNumber());
    }

    @Test
    void registeredUnderFlowDocumentCodes() {
        assertThat(actions.codes()).contains("qualificationCheck", "riskReconfirmation", "evidenceComplete");
    }

    @Test
    void qualificationPassesQualifiedPeople() {
        Permit permit = draft(completeData());

        FlowActionResult result = run("qualificationCheck", permit);

        assertThat(result.passed()).isTrue();
        assertThat(result.reason()).isNull();
    }

    @Test
    void qualificationFailsFrozenWorker() {
        Permit permit = draft(completeData());
        qualifications.setPermitFreeze(tenantId, worker.id(), true, "证书已过期");

        FlowActionResult result = run("qualificationCheck", permit);

        assertThat(result.passed()).isFalse();
        assertThat(result.reason().zh()).startsWith("作业票 #" + permit.id() + " 资质校验未通过")
                .contains("𠀀师傅").contains("冻结").contains("证书已过期");
        assertThat(result.reason().en()).startsWith("Permit #" + permit.id() + " failed the qualification check")
                .contains("𠀀师傅").contains("frozen");
    }

    @Test
    @DisplayName("A gate that applies to workers only leaves a frozen applicant out")
    void gateForWorkersOnlySkipsApplicant() {
        ObjectNode data = completeData();
        // The applicant applies without working, so only 𠀀师傅 is a worker.
        data.withArray("workers").remove(0);
        Permit permit = draft(data);
        qualifications.setPermitFreeze(tenantId, applicantPerson.id(), true, "证书已过期");
        assertThat(run("qualificationCheck", permit).passed()).isFalse();
        ObjectNode gate = (ObjectNode) metadata.requirePublished(tenantId, MetadataKind.RULESET,
                "hot-work-qualification").body().deepCopy();
        gate.withObject("gate").putArray("appliesTo").add("workers");
        metadata.saveAndPublish(tenantId, MetadataKind.RULESET, "hot-work-qualification", gate, "admin");

        FlowActionResult result = run("qualificationCheck", permit);

        assertThat(result.passed()).isTrue();
    }

    @Test
    void qualificationFailsUnknownWorker() {
        ObjectNode data = completeData();
        ((ObjectNode) data.withArray("workers").get(0)).put("idNumber", "110105198001010016");

        FlowActionResult result = run("qualificationCheck", draft(data));

        assertThat(result.passed()).isFalse();
        assertThat(result.reason().zh()).contains("不在本企业的特种作业人员台账中");
    }

    @Test
    void gateFailsProcessOfNoPermit() {
        FlowActionResult result = actions.find("qualificationCheck").orElseThrow()
                .execute(context("qualificationCheck", "training:7", completeData()));

        assertThat(result.passed()).isFalse();
        assertThat(result.reason().zh()).contains("training:7").contains("不是作业票");
        assertThat(result.reason().en()).contains("training:7").contains("is not a permit");
    }

    @Test
    void riskPassesWithoutRiskItems() {
        assertThat(run("riskReconfirmation", draft(completeData())).passed()).isTrue();
    }

    @Test
    void riskFailsUnconfirmedItem() {
        Permit permit = submitted(draft(completeData()));
        permits.upsertConfirmation(tenantId, permit.id(), "task-1-" + tenantId, "workLeader", "leader", "wind",
                RiskConfirmationDecision.VERIFIED_ON_SITE, null);

        FlowActionResult result = run("riskReconfirmation", permit);

        assertThat(result.passed()).isFalse();
        assertThat(result.reason().zh()).contains("2 项风险中还有 1 项").contains("第 2 项：可燃气体读数已过 30 分钟")
                .doesNotContain("第 1 项");
        assertThat(result.reason().en()).contains("1 of its 2 risk items").contains("item 2: Gas reading is older");
    }

    @Test
    void riskPassesWhenEveryItemConfirmed() {
        Permit permit = submitted(draft(completeData()));
        permits.upsertConfirmation(tenantId, permit.id(), "task-1-" + tenantId, "workLeader", "leader", "wind",
                RiskConfirmationDecision.VERIFIED_ON_SITE, null);
        permits.upsertConfirmation(tenantId, permit.id(), "task-2-" + tenantId, "unitHead", "head", "gasAge",
                RiskConfirmationDecision.ESCALATED, "重新检测");

        assertThat(run("riskReconfirmation", permit).passed()).isTrue();
    }

    @Test
    void riskIgnoresConfirmationsBeforeSubmission() throws InterruptedException {
        Permit draft = draft(completeData());
        permits.upsertConfirmation(tenantId, draft.id(), "task-0-" + tenantId, "workLeader", "leader", "wind",
                RiskConfirmationDecision.VERIFIED_ON_SITE, null);
        permits.upsertConfirmation(tenantId, draft.id(), "task-0-" + tenantId, "workLeader", "leader", "gasAge",
                RiskConfirmationDecision.VERIFIED_ON_SITE, null);
        Thread.sleep(5);
        Permit permit = submitted(draft);

        FlowActionResult result = run("riskReconfirmation", permit);

        assertThat(result.passed()).isFalse();
        assertThat(result.reason().zh()).contains("2 项风险中还有 2 项");
    }

    @Test
    @DisplayName("A gate over more than ten unconfirmed items names the first ten and the count")
    void riskNamesAtMostTenItems() {
        Permit permit = submitted(draft(completeData()), twelveItems());

        FlowActionResult result = run("riskReconfirmation", permit);

        assertThat(result.passed()).isFalse();
        assertThat(result.reason().zh()).contains("12 项风险中还有 12 项").contains("第 1 项：风险项 1；")
                .contains("第 10 项：风险项 10 等 12 项；请审批人逐项标记").doesNotContain("第 11 项");
        assertThat(result.reason().en()).contains("item 10: Risk item 10; and 2 more; an approver must mark")
                .doesNotContain("item 11");
    }

    @Test
    @DisplayName("An approval rejected for unconfirmed risk items names them by their text in both languages")
    void guardNamesUnconfirmedItems() {
        Permit permit = submitted(draft(completeData()));
        String taskId = "task-1-" + tenantId;
        permits.upsertConfirmation(tenantId, permit.id(), taskId, "workLeader", "leader", "wind",
                RiskConfirmationDecision.VERIFIED_ON_SITE, null);

        Throwable rejection = catchThrowable(() -> guard.beforeApprove(approval(permit, taskId, "leader")));

        assertThat(rejection).isInstanceOf(LocalizedException.class);
        LocalizedException localized = (LocalizedException) rejection;
        assertThat(localized.messageKey()).isEqualTo("permit.riskNotConfirmed");
        assertThat(localized.message(Locale.SIMPLIFIED_CHINESE)).isEqualTo("作业票 #" + permit.id()
                + " 的 2 项风险中还有 1 项未由您确认：第 2 项：可燃气体读数已过 30 分钟；"
                + "请逐项标记“已现场核查”或“已升级管控”并保存后再审批");
        assertThat(localized.message(Locale.ENGLISH)).isEqualTo("Permit #" + permit.id()
                + ": 1 of its 2 risk items are not yet confirmed by you: item 2: Gas reading is older than 30 minutes;"
                + " mark each one verified on site or escalated, save, then approve");
    }

    @Test
    @DisplayName("An approval rejected for more than ten unconfirmed items names the first ten and the count")
    void guardNamesAtMostTenItems() {
        Permit permit = submitted(draft(completeData()), twelveItems());

        Throwable rejection = catchThrowable(() -> guard.beforeApprove(approval(permit, "task-1-" + tenantId,
                "leader")));

        assertThat(rejection).isInstanceOf(LocalizedException.class);
        assertThat(((LocalizedException) rejection).message(Locale.SIMPLIFIED_CHINESE))
                .contains("12 项风险中还有 12 项未由您确认：第 1 项：风险项 1；第 2 项：风险项 2；")
                .contains("第 10 项：风险项 10 等 12 项；请逐项标记").doesNotContain("第 11 项");
    }

    @Test
    void evidencePassesCompleteMeasures() throws IOException {
        Permit permit = draft(completeData());
        sealPhotos(permit, 1, 2, 3);

        assertThat(run("evidenceComplete", permit).passed()).isTrue();
    }

    @Test
    @DisplayName("A declared photo that is recorded but not sealed to a risk item blocks the gate")
    void evidenceFailsUnsealedDeclaredPhoto() throws IOException {
        Permit permit = draft(completeData());
        evidenceRecorder.recordPhoto(engineer(), permit.id(), 1, "IMG_0001.png", "image/png", png(), null);
        sealPhotos(permit, 2, 3);

        FlowActionResult result = run("evidenceComplete", permit);

        assertThat(result.passed()).isFalse();
        assertThat(result.reason().zh()).contains("第 1 项安全措施“动火设备内部构件清洗干净")
                .contains("要求照片作为证据，但还没有已封存到风险项的照片").doesNotContain("第 2 项");
        assertThat(result.reason().en()).contains("safety measure 1")
                .contains("requires a photo as evidence but none is sealed to a risk item");
    }

    @Test
    @DisplayName("Sealed evidence of another kind does not stand in for a declared photo")
    void evidenceFailsSealedEvidenceOfOtherKind() throws IOException {
        Permit permit = draft(completeData());
        sealPhotos(permit, 2, 3);
        PermitEvidence reading = evidenceRecorder.recordReading(engineer(), permit.id(), null,
                new EvidenceRecorder.Reading("GD-01", "CH4", BigDecimal.ZERO, "%LEL", null));
        sealer.seal(engineer(), permit, "wind", List.of(reading.id()));

        FlowActionResult result = run("evidenceComplete", permit);

        assertThat(result.passed()).isFalse();
        assertThat(result.reason().zh()).contains("第 1 项安全措施");
    }

    @Test
    void evidenceFailsMeasureWithoutConfirmer() {
        ObjectNode data = completeData();
        ((ObjectNode) data.withArray("safetyMeasures").get(1)).remove("confirmedBy");

        FlowActionResult result = run("evidenceComplete", draft(data));

        assertThat(result.passed()).isFalse();
        assertThat(result.reason().zh()).contains("第 2 项安全措施“与动火设备相连接的所有管线已断开，加盲板（ ）块…”涉及但没有确认人");
        assertThat(result.reason().en()).contains("safety measure 2").contains("names no confirming person");
    }

    @Test
    void evidenceIgnoresMeasureThatDoesNotApply() throws IOException {
        ObjectNode data = completeData();
        ObjectNode measure = (ObjectNode) data.withArray("safetyMeasures").get(1);
        measure.remove("confirmedBy");
        measure.put("applies", false);
        Permit permit = draft(data);
        sealPhotos(permit, 1, 3);

        assertThat(run("evidenceComplete", permit).passed()).isTrue();
    }

    @Test
    void evidenceFailsWithoutGasReading() {
        ObjectNode data = completeData();
        data.putArray("gasAnalyses");

        FlowActionResult result = run("evidenceComplete", draft(data));

        assertThat(result.passed()).isFalse();
        assertThat(result.reason().zh()).contains("没有气体分析记录");
        assertThat(result.reason().en()).contains("no gas analysis");
    }

    @Test
    void evidenceAcceptsDetectorReading() throws IOException {
        ObjectNode data = completeData();
        data.putArray("gasAnalyses");
        Permit permit = draft(data);
        sealPhotos(permit, 1, 2, 3);
        permits.insertGasReading(tenantId, permit.id(), "GD-01", Instant.now(),
                json.createObjectNode().put("detectorId", "GD-01").put("lel", 0));

        assertThat(run("evidenceComplete", permit).passed()).isTrue();
    }

    /** Records a photo for each measure and seals it to a risk item, as an approver confirming the item does. */
    private void sealPhotos(Permit permit, int... measures) throws IOException {
        for (int measure : measures) {
            PermitEvidence photo = evidenceRecorder.recordPhoto(engineer(), permit.id(), measure,
                    "IMG_" + measure + ".png", "image/png", png(), null);
            sealer.seal(engineer(), permit, "wind", List.of(photo.id()));
        }
    }

    private Actor engineer() {
        return new Actor(tenantId, "engineer", Locale.SIMPLIFIED_CHINESE);
    }

    private static byte[] png() throws IOException {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private Person qualifiedPerson(String name, String idNumber) {
        Person person = qualifications.upsertPerson(tenantId,
                new PersonData(name, "男", idNumber, "维修车间", "焊工"));
        LocalDate today = LocalDate.now(SHANGHAI);
        qualifications.upsertCertificate(tenantId, person.id(), new CertificateData("T" + idNumber,
                "焊接与热切割作业", "熔化焊接与热切割作业", today.minusYears(2), DatePrecision.DAY,
                today.minusYears(2), today.plusYears(4), DatePrecision.DAY, today.plusYears(1), null,
                "北京市应急管理局"), CertificateState.VALID);
        return person;
    }

    /** Returns hot-work data that passes every gate: qualified workers, confirmed measures, one gas analysis. */
    private ObjectNode completeData() {
        ObjectNode data = drafter.initialData(new Actor(tenantId, applicant, Locale.SIMPLIFIED_CHINESE), "hot-work");
        ArrayNode workers = data.putArray("workers");
        workers.addObject().put("name", "李焊工").put("idNumber", APPLICANT_ID_NUMBER)
                .put("certNumber", "T" + APPLICANT_ID_NUMBER);
        workers.addObject().put("name", "𠀀师傅").put("idNumber", WORKER_ID_NUMBER)
                .put("certNumber", "T" + WORKER_ID_NUMBER);
        data.putArray("gasAnalyses").addObject().put("time", "2026-12-05T09:00:00+08:00").put("gas", "甲烷")
                .put("result", 0).put("unit", "%LEL").put("analyst", "周分析");
        JsonNode measures = data.path("safetyMeasures");
        for (int index = 0; index < measures.size(); index++) {
            ((ObjectNode) measures.get(index)).put("applies", index < 3);
            if (index < 3) {
                ((ObjectNode) measures.get(index)).put("confirmedBy", applicant);
            }
        }
        return data;
    }

    private Permit draft(JsonNode data) {
        return drafter.create(new Actor(tenantId, applicant, Locale.SIMPLIFIED_CHINESE), "hot-work", data);
    }

    /** Stores two risk items with the permit as a submission does. */
    private Permit submitted(Permit permit) {
        return submitted(permit, List.of(
                new PermitRiskItem("wind", "CONFIRM", "风速 8 m/s，接近停止动火的 5 级风", "Wind 8 m/s is close to level 5",
                        "8", "10.7", "m/s", "GB 30871-2022 5.2.11", null, null, null, null),
                new PermitRiskItem("gasAge", "CONFIRM", "可燃气体读数已过 30 分钟", "Gas reading is older than 30 minutes",
                        "35", "30", "min", "GB 30871-2022 5.3.4", null, null, null, null)));
    }

    private static List<PermitRiskItem> twelveItems() {
        return IntStream.rangeClosed(1, 12)
                .mapToObj(number -> new PermitRiskItem("item" + number, "CONFIRM", "风险项 " + number,
                        "Risk item " + number, null, null, null, "GB 30871-2022 5.2", null, null, null, null))
                .toList();
    }

    /** Stores the risk items with the permit as a submission does. */
    private Permit submitted(Permit permit, List<PermitRiskItem> items) {
        permits.markSubmitted(tenantId, permit.id(), 1, 1, items, json.createObjectNode(), "process-" + permit.id(),
                WorkWindow.UNKNOWN);
        return permits.find(tenantId, permit.id()).orElseThrow();
    }

    /** Returns the context of {@code approver} approving the task of a node that requires risk confirmation. */
    private TaskDecisionContext approval(Permit permit, String taskId, String approver) {
        ApproverNode node = new ApproverNode("workLeader", new Label("作业负责人", "Work leader"), ApprovalMode.SINGLE,
                null, RejectRoute.APPLICANT, AssigneeSpec.user(approver), true, false, NoAssigneePolicy.BLOCK, null,
                null, null);
        return new TaskDecisionContext(tenantId, taskId, "process-" + permit.id(),
                PermitSubmitter.businessKey(permit.id()), "hot-work-approval", 1, node, approver, null, null);
    }

    private FlowActionResult run(String code, Permit permit) {
        return actions.find(code).orElseThrow()
                .execute(context(code, PermitSubmitter.businessKey(permit.id()), permit.data()));
    }

    private FlowActionContext context(String code, String businessKey, JsonNode data) {
        GateNode gate = new GateNode("gate", new Label("资质与证据检查", "Qualification and evidence check"), code,
                RejectRoute.APPLICANT);
        FlowDefinition flow = new FlowDefinition("hot-work-approval", 1, "checksum", new Label("动火作业审批", null),
                "hot-work-permit", List.of(gate));
        return new FlowActionContext(tenantId, "process-1", businessKey, flow, gate, applicant, data, null);
    }
}
