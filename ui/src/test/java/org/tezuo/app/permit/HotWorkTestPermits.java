package org.tezuo.app.permit;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import org.tezuo.core.qualification.CertificateState;
import org.tezuo.core.qualification.DatePrecision;
import org.tezuo.core.qualification.Person;
import org.tezuo.core.qualification.QualificationStore;
import org.tezuo.core.qualification.QualificationStore.CertificateData;
import org.tezuo.core.qualification.QualificationStore.PersonData;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Data of a complete LNG-template hot-work permit and its qualified welder, shared by the permit tests. */
final class HotWorkTestPermits {

    private HotWorkTestPermits() {
    }

    /** Returns the form data of an open-air hot-work permit starting 10 minutes after {@code now}, for 6 hours. */
    static ObjectNode hotWorkData(JsonMapper json, String applicant, String workLeader, String workerIdNumber,
            OffsetDateTime now) {
        ObjectNode data = json.createObjectNode();
        data.put("applicant", applicant);
        data.put("applicantUnit", "维修车间");
        data.put("appliedAt", rfc3339(now));
        data.put("workUnit", "维修车间");
        data.put("workLeader", workLeader);
        data.put("guardian", "何班长");
        data.put("workContent", "LNG 卸料管线支架焊接修复");
        data.put("location", "1# 码头卸料臂区域管廊 3 号支架");
        data.put("areaClass", "pipe-rack");
        data.put("onRunningEquipment", false);
        data.put("method", "电焊");
        data.put("workStart", rfc3339(now.plusMinutes(10)));
        data.put("workEnd", rfc3339(now.plusHours(6)));
        data.put("openAir", true);
        data.putArray("workers").addObject().put("name", "李焊工").put("idNumber", workerIdNumber)
                .put("certNumber", "T" + workerIdNumber);
        data.put("riskIdentification", "管廊邻近 LNG 管线，可燃气体泄漏着火风险");
        data.putArray("safetyMeasures").addObject().put("item", "动火点周围 15 m 内可燃物已清理")
                .put("applies", true).put("confirmedBy", "何班长");
        data.putObject("briefing").put("givenBy", "刘安全").put("receivedBy", "李焊工");
        return data;
    }

    /** Registers a welder with a valid 熔化焊接与热切割作业 certificate issued two years before {@code today}. */
    static void qualifiedWelder(QualificationStore qualifications, long tenantId, String name, String idNumber,
            LocalDate today) {
        Person person = qualifications.upsertPerson(tenantId, new PersonData(name, "男", idNumber, "维修车间", "焊工"));
        qualifications.upsertCertificate(tenantId, person.id(), new CertificateData("T" + idNumber,
                "焊接与热切割作业", "熔化焊接与热切割作业", today.minusYears(2), DatePrecision.DAY,
                today.minusYears(2), today.plusYears(4), DatePrecision.DAY, today.plusYears(1), null,
                "北京市应急管理局"), CertificateState.VALID);
    }

    static String rfc3339(OffsetDateTime time) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX").format(time);
    }
}
