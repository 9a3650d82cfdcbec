package org.tezuo.templates.lngterminal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.tezuo.core.rules.MvelExpressionCompiler;
import org.tezuo.form.definition.FormDefinition;
import org.tezuo.form.definition.FormDefinitionParser;
import org.tezuo.form.evaluation.EvaluationContext;
import org.tezuo.form.validation.FieldError;
import org.tezuo.form.validation.FormValidator;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The LNG template's gas-detector registration form, read only from its form document. */
class GasDetectorFormTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-04T02:00:00Z"), ZoneOffset.UTC);
    private static final EvaluationContext CONTEXT = EvaluationContext.of("engineer", "SAFETY", SHANGHAI,
            Locale.SIMPLIFIED_CHINESE, CLOCK);

    private final FormDefinition form = parse();
    private final FormValidator validator = new FormValidator(new MvelExpressionCompiler(), CLOCK);

    private static FormDefinition parse() {
        try (InputStream in = GasDetectorFormTest.class.getResourceAsStream(
                "/org/tezuo/templates/lng-terminal/form/gas-detector.json")) {
            return new FormDefinitionParser().parse("gas-detector", 1, JSON.readTree(in));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode detector() {
        ObjectNode data = JSON.createObjectNode();
        data.put("assetNumber", "QJ-2026-101");
        data.put("ownerUnit", "OPS1");
        data.put("calibratedOn", "2026-12-01");
        data.put("calibrationDue", "2027-06-01");
        data.put("status", "in-service");
        return data;
    }

    @Test
    void validDetectorPasses() {
        assertThat(validator.validate(form, detector(), CONTEXT).errors()).isEmpty();
    }

    @Test
    void dueBeforeCalibrationIsRejected() {
        ObjectNode data = detector().put("calibrationDue", "2026-11-30");

        List<FieldError> errors = validator.validate(form, data, CONTEXT).errors();

        assertThat(errors).extracting(FieldError::path).containsExactly("$.calibrationDue");
        assertThat(errors.getFirst().message()).isEqualTo("下次标定日期必须晚于上次标定日期；请修改“下次标定日期”");
    }

    @Test
    void noteOnlyKeptWhenNotInService() {
        ObjectNode inService = detector().put("note", "不应保存");
        ObjectNode calibrating = detector().put("status", "calibrating").put("note", "送检");

        assertThat(validator.validate(form, inService, CONTEXT).data().has("note")).isFalse();
        assertThat(validator.validate(form, calibrating, CONTEXT).data().path("note").asString()).isEqualTo("送检");
    }
}
