package org.tezuo.benchmarks.load;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The hot-work permit and gas reading a virtual user submits: the fields the README lists, filled for the demo
 * tenant. 李强 and 王建国 hold valid 熔化焊接与热切割作业 certificates in the demo ledger, and a pipe rack makes the
 * permit 一级, which the demo flow sends through four approvers.
 */
final class HotWorkPermitData {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter RFC_3339 = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    private final JsonMapper json;
    private final Clock clock;

    HotWorkPermitData(JsonMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    /** Returns the data of a permit whose work starts 10 minutes from now and lasts 6 hours. */
    ObjectNode permit(String applicant, String workLeader, int sequence) {
        OffsetDateTime now = OffsetDateTime.now(clock.withZone(SHANGHAI));
        OffsetDateTime start = now.plusMinutes(10);
        ObjectNode data = json.createObjectNode();
        data.put("applicant", applicant);
        data.put("applicantUnit", "维修车间");
        data.put("appliedAt", RFC_3339.format(now));
        data.put("workUnit", "维修车间");
        data.put("workLeader", workLeader);
        data.put("guardian", "何班长");
        data.put("workContent", "LNG 卸料管线支架焊接修复（负载测试 " + sequence + "）");
        data.put("location", "1# 码头卸料臂区域管廊 3 号支架");
        data.put("areaClass", "pipe-rack");
        data.put("onRunningEquipment", false);
        data.put("method", "电焊");
        data.put("workStart", RFC_3339.format(start));
        data.put("workEnd", RFC_3339.format(start.plusHours(6)));
        data.put("openAir", true);
        ArrayNode workers = data.putArray("workers");
        workers.add(worker("李强", "320623198509230318"));
        workers.add(worker("王建国", "320623197804120133"));
        data.put("riskIdentification", "管廊邻近 LNG 管线，可燃气体泄漏着火风险；高处坠落风险");
        ObjectNode measure = data.putArray("safetyMeasures").addObject();
        measure.put("item", "动火点周围 15 m 内可燃物已清理，可能泄漏的设备已隔离");
        measure.put("applies", true);
        measure.put("confirmedBy", "何班长");
        ObjectNode briefing = data.putObject("briefing");
        briefing.put("givenBy", "王建国");
        briefing.put("receivedBy", "李强");
        return data;
    }

    /** Returns a passing detector reading taken 5 minutes ago: 5 %LEL methane, 20.9 %vol oxygen. */
    ObjectNode gasReading() {
        ObjectNode reading = json.createObjectNode();
        reading.put("detectorId", "QJ-2024-002");
        reading.put("measuredAt", RFC_3339.format(OffsetDateTime.now(clock.withZone(SHANGHAI)).minusMinutes(5)));
        reading.put("oxygenPercentVol", "20.9");
        reading.put("coPpm", "0");
        reading.put("h2sPpm", "0");
        ObjectNode flammable = reading.putObject("flammable");
        flammable.put("value", 5);
        flammable.put("unit", "%LEL");
        flammable.put("gas", "甲烷");
        reading.put("sensorFault", false);
        reading.put("calibratedOn", "2026-10-01");
        return reading;
    }

    private ObjectNode worker(String name, String idNumber) {
        ObjectNode row = json.createObjectNode();
        row.put("name", name);
        row.put("idNumber", idNumber);
        row.put("certNumber", "T" + idNumber);
        return row;
    }
}
