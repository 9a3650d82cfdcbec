package org.tezuo.form.defaults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.tezuo.form.FormFixtures;
import org.tezuo.form.definition.FormDefinition;
import org.tezuo.form.definition.FormDefinitionParser;
import tools.jackson.databind.node.ObjectNode;

class FormDefaultsTest {

    private final FormDefinition form = new FormDefinitionParser()
            .parse("equipment-inspection", 1, FormFixtures.read("/org/tezuo/form/equipment-inspection.json"));

    @Test
    void initialDataTakesContextValuesAndSchemaDefaults() {
        FormDefaults defaults = new FormDefaults(Clock.fixed(Instant.parse("2026-03-04T16:30:15.250Z"), ZoneOffset.UTC));

        ObjectNode data = defaults.initialData(form, new InitialDataContext("zhangsan", ZoneId.of("Asia/Shanghai")));

        assertThat(data).isEqualTo(FormFixtures.json("""
                {
                  "inspector": "zhangsan",
                  "checkedAt": "2026-03-05T00:30:15+08:00",
                  "checkDay": "2026-03-05",
                  "running": true,
                  "handover": {"note": "无异常"}
                }"""));
    }

    @Test
    void initialDataUsesTheTenantZoneForToday() {
        FormDefaults defaults = new FormDefaults(Clock.fixed(Instant.parse("2026-03-04T16:30:00Z"), ZoneOffset.UTC));

        ObjectNode data = defaults.initialData(form, new InitialDataContext("lisi", ZoneId.of("Europe/Berlin")));

        assertThat(data.get("checkDay").asString()).isEqualTo("2026-03-04");
        assertThat(data.get("checkedAt").asString()).isEqualTo("2026-03-04T17:30:00+01:00");
    }

    @Test
    void initialDataIsAFreshCopyEachTime() {
        FormDefaults defaults = new FormDefaults(Clock.systemUTC());
        InitialDataContext context = new InitialDataContext("zhangsan", ZoneId.of("Asia/Shanghai"));
        defaults.initialData(form, context).withObject("handover").put("note", "泵体振动");

        ObjectNode second = defaults.initialData(form, context);

        assertThat(second.get("handover").get("note").asString()).isEqualTo("无异常");
    }
}
