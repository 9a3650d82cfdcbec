package org.tezuo.app.ui.form;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tezuo.form.definition.FormDefinition;
import org.tezuo.form.definition.FormDefinitionParser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The renderer on the LNG template's hot-work form, which it reads only from the form document. */
class FormRendererTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final FormDefinition form = hotWorkForm();
    private FormRenderer renderer;

    @BeforeEach
    void render() {
        UI ui = new UI();
        ui.setLocale(Locale.SIMPLIFIED_CHINESE);
        UI.setCurrent(ui);
        renderer = new FormRenderer(form, new FormContext(Locale.SIMPLIFIED_CHINESE, SHANGHAI,
                List.of(new FormContext.PersonChoice("leader-1", "王负责"))));
    }

    @AfterEach
    void clearUi() {
        UI.setCurrent(null);
    }

    @Test
    void everyTopLevelFieldHasAnInput() {
        List<String> missing = form.fields().stream()
                .map(field -> "field-" + field.name())
                .filter(id -> ComponentSearch.find(renderer, id).isEmpty())
                .toList();

        assertThat(missing).isEmpty();
    }

    @Test
    void labelsAndOptionsFollowTheDocument() {
        TextField location = input("field-location", TextField.class);
        Select<?> grade = input("field-grade", Select.class);

        assertThat(location.getLabel()).isEqualTo("动火地点及动火部位");
        assertThat(location.isRequiredIndicatorVisible()).isTrue();
        assertThat(grade.getHelperText()).isEqualTo("由动火区域类别、动火部位和作业时间算出，不能手工选择：固定动火区外的动火遇"
                + "节假日、公休日或夜间升一级（GB 30871-2022 5.1.1），特级不再升级");
    }

    @Test
    @DisplayName("The computed grade shows read-only")
    void computedGradeIsReadOnly() {
        renderer.read(sampleData());

        assertThat(input("field-grade", Select.class).isReadOnly()).isTrue();
        assertThat(input("field-location", TextField.class).isReadOnly()).isFalse();
    }

    @Test
    void dataRoundTripsUnchanged() {
        ObjectNode data = sampleData();

        renderer.read(data);

        assertThat(renderer.write()).isEqualTo(data);
    }

    @Test
    void dateTimeIsStoredWithTheTenantOffset() {
        ObjectNode data = sampleData();
        data.put("workStart", "2026-12-04T02:00:00Z");
        renderer.read(data);

        DateTimePicker start = input("field-workStart", DateTimePicker.class);

        assertThat(start.getValue()).isEqualTo(LocalDateTime.of(2026, 12, 4, 10, 0));
        assertThat(renderer.write().path("workStart").asString()).isEqualTo("2026-12-04T10:00:00+08:00");
    }

    @Test
    void clearedOptionalFieldIsLeftOut() {
        renderer.read(sampleData());

        input("field-gasAnalyses-0-point", TextField.class).clear();
        JsonNode written = renderer.write();

        assertThat(written.path("gasAnalyses").path(0).has("point")).isFalse();
        assertThat(written.path("gasAnalyses").path(0).path("gas").asString()).isEqualTo("甲烷");
    }

    @Test
    void typedPersonNameIsStoredAsUsername() {
        renderer.read(sampleData());
        ComboBox<?> leader = input("field-workLeader", ComboBox.class);

        assertThat(leader.getValue()).isEqualTo("leader-1");
        assertThat(renderer.write().path("workLeader").asString()).isEqualTo("leader-1");
    }

    @Test
    void serverProblemShowsOnRowField() {
        renderer.read(sampleData());

        renderer.showProblems(List.of(
                new FieldProblem("$.gasAnalyses[0].time", "“气体分析 第1行 › 分析时间”的值无效"),
                new FieldProblem("$", "整张表单的问题")));
        DateTimePicker time = input("field-gasAnalyses-0-time", DateTimePicker.class);
        Component summary = ComponentSearch.find(renderer, "form-problems").orElseThrow();

        assertThat(time.isInvalid()).isTrue();
        assertThat(time.getErrorMessage()).isEqualTo("“气体分析 第1行 › 分析时间”的值无效");
        assertThat(summary.isVisible()).isTrue();
        assertThat(summary.getElement().getTextRecursively()).contains("“气体分析 第1行 › 分析时间”的值无效",
                "整张表单的问题");
    }

    @Test
    void clearingProblemsResetsTheFields() {
        renderer.read(sampleData());
        renderer.showProblems(List.of(new FieldProblem("$.location", "请填写“动火地点及动火部位”，这是必填项")));

        renderer.clearProblems();

        assertThat(input("field-location", TextField.class).isInvalid()).isFalse();
        assertThat(ComponentSearch.find(renderer, "form-problems").orElseThrow().isVisible()).isFalse();
    }

    private ObjectNode sampleData() {
        ObjectNode data = JSON.createObjectNode();
        data.put("applicant", "welder-1");
        data.put("applicantUnit", "维修车间");
        data.put("appliedAt", "2026-12-04T09:00:00+08:00");
        data.put("workLeader", "leader-1");
        data.put("location", "1 号储罐区东侧管廊");
        data.put("areaClass", "pipe-rack");
        data.put("onRunningEquipment", false);
        data.put("shutdownDowngrade", false);
        data.put("workStart", "2026-12-04T10:00:00+08:00");
        data.put("openAir", true);
        // A computed check box shows false until the server computes it, and writes what it shows.
        data.put("nightWork", false);
        ObjectNode gas = data.putArray("gasAnalyses").addObject();
        gas.put("time", "2026-12-04T09:45:00+08:00");
        gas.put("point", "法兰下方");
        gas.put("gas", "甲烷");
        gas.put("result", new java.math.BigDecimal("0.5"));
        gas.put("unit", "%LEL");
        gas.put("analyst", "周分析");
        ObjectNode measure = data.putArray("safetyMeasures").addObject();
        measure.put("item", "现场配备灭火器");
        measure.put("applies", false);
        return data;
    }

    private <T extends Component> T input(String id, Class<T> type) {
        return ComponentSearch.require(renderer, id, type);
    }

    private static FormDefinition hotWorkForm() {
        try (InputStream body = FormRendererTest.class.getResourceAsStream(
                "/org/tezuo/templates/lng-terminal/form/hot-work-permit.json")) {
            return new FormDefinitionParser().parse("hot-work-permit", 1, JSON.readTree(body));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

}
