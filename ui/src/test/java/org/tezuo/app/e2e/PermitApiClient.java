package org.tezuo.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Calls the REST API of a test server as the users of one test tenant, with HTTP Basic and an {@code
 * Accept-Language}, and issues permits through it. Each call asserts the expected status and reports the body when
 * the status differs.
 */
final class PermitApiClient {

    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;
    private final JsonMapper json;
    private final String password;
    private final UnaryOperator<String> usernames;
    private final Clock clock;
    private final ZoneId zone;

    /**
     * @param usernames maps a role such as {@code leader} to the user name of the test tenant
     * @param clock the test's clock, for the times of gas readings
     */
    PermitApiClient(int port, JsonMapper json, String password, UnaryOperator<String> usernames, Clock clock,
            ZoneId zone) {
        this.port = port;
        this.json = json;
        this.password = password;
        this.usernames = usernames;
        this.clock = clock;
        this.zone = zone;
    }

    JsonNode get(String role, String path) throws Exception {
        HttpResponse<String> response = http.send(request(usernames.apply(role), path, "zh-CN").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s as %s: %s", path, role, response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    JsonNode post(String role, String path, Object body, int expectedStatus) throws Exception {
        return send(role, path, body, "zh-CN", expectedStatus);
    }

    JsonNode send(String role, String path, Object body, String language, int expectedStatus) throws Exception {
        return exchange("POST", role, path, body, language, expectedStatus);
    }

    JsonNode put(String role, String path, Object body, int expectedStatus) throws Exception {
        return exchange("PUT", role, path, body, "zh-CN", expectedStatus);
    }

    private JsonNode exchange(String method, String role, String path, Object body, String language,
            int expectedStatus) throws Exception {
        HttpResponse<String> response = http.send(request(usernames.apply(role), path, language)
                .header("Content-Type", "application/json").method(method, publisher(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s %s as %s: %s", method, path, role, response.body())
                .isEqualTo(expectedStatus);
        return response.body().isEmpty() ? json.createObjectNode() : json.readTree(response.body());
    }

    /**
     * Returns the text of a PDF the API serves, page by page, as OpenPDF extracts it. A table cell that wraps comes
     * out as separate lines.
     */
    String pdfText(String role, String path, String language) throws Exception {
        HttpResponse<byte[]> response = http.send(request(usernames.apply(role), path, language).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as("GET %s as %s", path, role).isEqualTo(200);
        PdfReader reader = new PdfReader(response.body());
        PdfTextExtractor extractor = new PdfTextExtractor(reader);
        StringBuilder text = new StringBuilder();
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            text.append(extractor.getTextFromPage(page)).append('\n');
        }
        return text.toString();
    }

    /** Returns the status of a request by any user name, such as a user of another tenant. */
    int status(String method, String username, String path, Object body) throws Exception {
        return http.send(request(username, path, "zh-CN").header("Content-Type", "application/json")
                .method(method, publisher(body)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    void upload(String role, String fileName, byte[] content) throws Exception {
        String boundary = "tezuo-" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> response = http.send(request(usernames.apply(role), "/api/roster/imports", "zh-CN")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(head, content, tail))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("upload: %s", response.body()).isEqualTo(200);
    }

    /** Creates, submits and approves a permit with every risk item confirmed; returns its id. */
    long issue(String type, ObjectNode data, List<String> approvers) throws Exception {
        long permit = post("worker", "/api/permits", Map.of("type", type, "data", data), 201).path("id").asLong();
        post("worker", "/api/permits/" + permit + "/gas-readings", gasReading("GD-07", 5), 201);
        JsonNode submitted = post("worker", "/api/permits/" + permit + "/submit", null, 200);
        List<String> riskCodes = submitted.path("riskItems").valueStream()
                .map(item -> item.path("code").asString()).toList();
        for (String approver : approvers) {
            String taskId = get(approver, "/api/tasks").valueStream()
                    .filter(task -> task.path("permitId").asLong() == permit)
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no task of permit " + permit + " for " + approver))
                    .path("taskId").asString();
            List<Map<String, String>> confirmations = new ArrayList<>();
            for (String code : riskCodes) {
                confirmations.add(Map.of("itemCode", code, "decision", "VERIFIED_ON_SITE", "note", "现场已核查"));
            }
            post(approver, "/api/tasks/" + taskId + "/risk-confirmations", confirmations, 204);
            post(approver, "/api/tasks/" + taskId + "/approve", Map.of("comment", "同意"), 200);
        }
        assertThat(get("worker", "/api/permits/" + permit).path("status").asString()).isEqualTo("ISSUED");
        return permit;
    }

    /** Returns a detector reading taken a minute ago with methane at {@code methanePercentLel} %LEL. */
    ObjectNode gasReading(String detectorId, int methanePercentLel) {
        ObjectNode reading = json.createObjectNode();
        reading.put("detectorId", detectorId);
        reading.put("measuredAt", rfc3339(now().minusMinutes(1)));
        reading.put("oxygenPercentVol", "20.9");
        reading.put("coPpm", "0");
        reading.put("h2sPpm", "0");
        ObjectNode flammable = reading.putObject("flammable");
        flammable.put("value", methanePercentLel);
        flammable.put("unit", "%LEL");
        flammable.put("gas", "甲烷");
        reading.put("sensorFault", false);
        reading.put("calibratedOn", "2026-10-01");
        return reading;
    }

    /**
     * Returns the data of a grade 一级 open-air hot-work permit on the pipe rack, starting in 10 minutes for 6 hours,
     * with 李强 and 王建国 (resident ID numbers {@code liQiang} and {@code wangJianguo}) as operators.
     *
     * @param formProperties the schema properties of the published hot-work form
     * @param guardian the guardian as the form names them
     */
    ObjectNode hotWorkData(JsonNode formProperties, String workLeader, String guardian, String liQiang,
            String wangJianguo) {
        OffsetDateTime start = now().plusMinutes(10);
        ObjectNode data = json.createObjectNode();
        data.put("applicantUnit", "维修车间");
        data.put("appliedAt", rfc3339(now()));
        data.put("workUnit", "维修车间");
        data.put("workLeader", workLeader);
        data.put("guardian", guardian);
        data.put("workContent", "LNG 卸料管线支架焊接修复");
        data.put("location", "1# 码头卸料臂区域管廊 3 号支架");
        if (formProperties.has("areaClass")) {
            // A form that computes the grade from the area rejects a typed grade; the pipe rack makes it 一级.
            data.put("areaClass", "pipe-rack");
            data.put("onRunningEquipment", false);
        } else {
            data.put("grade", "一级");
        }
        data.put("method", "电焊");
        data.put("workStart", rfc3339(start));
        data.put("workEnd", rfc3339(start.plusHours(6)));
        data.put("openAir", true);
        ArrayNode workers = data.putArray("workers");
        workers.add(worker("李强", liQiang));
        workers.add(worker("王建国", wangJianguo));
        data.put("riskIdentification", "管廊邻近 LNG 管线，可燃气体泄漏着火风险");
        ObjectNode measure = data.putArray("safetyMeasures").addObject();
        measure.put("item", "动火点周围 15 m 内可燃物已清理，可能泄漏的设备已隔离");
        measure.put("applies", true);
        measure.put("confirmedBy", "何班长");
        ObjectNode briefing = data.putObject("briefing");
        briefing.put("givenBy", "王建国");
        briefing.put("receivedBy", "李强");
        return data;
    }

    ObjectNode worker(String name, String idNumber) {
        ObjectNode row = json.createObjectNode();
        row.put("name", name);
        row.put("idNumber", idNumber);
        row.put("certNumber", "T" + idNumber);
        return row;
    }

    OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), zone);
    }

    static String rfc3339(OffsetDateTime time) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX").format(time);
    }

    private HttpRequest.BodyPublisher publisher(Object body) {
        return body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body));
    }

    private HttpRequest.Builder request(String username, String path, String language) {
        String credentials = Base64.getEncoder().encodeToString((username + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + credentials)
                .header("Accept-Language", language);
    }
}
