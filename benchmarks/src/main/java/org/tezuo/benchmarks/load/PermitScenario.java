package org.tezuo.benchmarks.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One pass of the main job, as the demo users do it: 李强 ({@code worker}) fills in a hot-work permit, records a gas
 * reading and submits; 作业负责人, 所在单位, 安全管理部门 and 动火审批人 ({@code leader}, {@code unithead},
 * {@code engineer}, {@code director}) each open their inbox, confirm every risk item and approve; then the applicant
 * reads the issued permit and downloads the e-permit PDF. Every virtual user shares these eight demo logins.
 */
final class PermitScenario {

    /** Approvers of a 一级 hot-work permit in the demo flow, in order. */
    static final List<String> APPROVERS = List.of("leader", "unithead", "engineer", "director");
    static final String APPLICANT = "worker";

    /** How often an approver re-reads the inbox when the permit's task is not in it yet, and how long it waits. */
    private static final int INBOX_ATTEMPTS = 5;
    private static final long INBOX_RETRY_MILLIS = 1000;

    /** Outcome of one permit as the virtual user saw it. */
    record Outcome(long permitId, @Nullable String permitNumber, boolean issued) {
    }

    /** Pauses between two steps; implemented by the virtual user's think time. */
    interface Pause {
        void between() throws InterruptedException;
    }

    private final ApiClient api;
    private final HotWorkPermitData data;

    PermitScenario(ApiClient api, HotWorkPermitData data) {
        this.api = api;
        this.data = data;
    }

    /**
     * Runs the job for one permit. {@code created} receives the permit id as soon as the draft exists, so the
     * verifier also checks permits whose later steps failed.
     */
    Outcome run(int sequence, Pause pause, LongConsumer created)
            throws ApiClient.StepFailedException, InterruptedException {
        api.get("01 GET initial-data", APPLICANT, "/api/permit-types/hot-work/initial-data");
        pause.between();
        JsonNode draft = api.post("02 POST permits", APPLICANT, "/api/permits",
                Map.of("type", "hot-work", "data", data.permit(APPLICANT, "leader", sequence)), 201);
        long permitId = draft.path("id").asLong();
        created.accept(permitId);
        pause.between();
        api.post("03 POST gas-readings", APPLICANT, "/api/permits/" + permitId + "/gas-readings", data.gasReading(),
                201);
        pause.between();
        JsonNode submitted = api.post("04 POST submit", APPLICANT, "/api/permits/" + permitId + "/submit", null, 200);
        List<String> riskCodes = submitted.path("riskItems").valueStream().map(item -> item.path("code").asString())
                .toList();

        for (String approver : APPROVERS) {
            pause.between();
            approve(approver, permitId, riskCodes);
        }

        pause.between();
        JsonNode issued = api.get("08 GET permit", APPLICANT, "/api/permits/" + permitId);
        api.download("09 GET e-permit.pdf", APPLICANT, "/api/permits/" + permitId + "/e-permit.pdf");
        String status = issued.path("status").asString();
        String number = issued.path("permitNumber").isNull() ? null : issued.path("permitNumber").asString(null);
        return new Outcome(permitId, number, "ISSUED".equals(status));
    }

    private void approve(String approver, long permitId, List<String> riskCodes)
            throws ApiClient.StepFailedException, InterruptedException {
        String taskId = findTask(approver, permitId);
        List<Map<String, String>> confirmations = new ArrayList<>();
        for (String code : riskCodes) {
            confirmations.add(Map.of("itemCode", code, "decision", "VERIFIED_ON_SITE", "note", "现场已核查"));
        }
        api.post("06 POST risk-confirmations", approver, "/api/tasks/" + taskId + "/risk-confirmations",
                confirmations, 204);
        api.post("07 POST approve", approver, "/api/tasks/" + taskId + "/approve",
                Map.of("comment", approver + " 同意"), 200);
    }

    private String findTask(String approver, long permitId) throws ApiClient.StepFailedException,
            InterruptedException {
        for (int attempt = 1; ; attempt++) {
            JsonNode tasks = api.get("05 GET tasks", approver, "/api/tasks");
            for (JsonNode task : tasks) {
                if (task.path("permitId").asLong() == permitId) {
                    return task.path("taskId").asString();
                }
            }
            if (attempt == INBOX_ATTEMPTS) {
                throw api.missing("05 GET tasks", "no task of permit " + permitId + " in the inbox of " + approver
                        + " after " + INBOX_ATTEMPTS + " reads");
            }
            Thread.sleep(INBOX_RETRY_MILLIS);
        }
    }
}
