package org.tezuo.app.ui.form;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.dom.Element;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tezuo.form.definition.FormDefinition;
import org.tezuo.form.definition.FormDefinitionParser;
import org.tezuo.form.definition.FormField;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Each widget of the renderer on a test form that uses all of them, in Chinese and English. */
class FormInputsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final String HOSTILE_LABEL = "<img src=x onerror=alert(1)>";

    private final FormDefinition form = allWidgetsForm();
    private TranslatedUi ui;
    private FormRenderer renderer;

    @AfterEach
    void closeUi() {
        ui.close();
    }

    @Test
    void labelWithMarkupShowsAsText() {
        render(Locale.SIMPLIFIED_CHINESE, FieldStates.DECLARED);

        TextField location = input("field-location", TextField.class);

        assertThat(location.getLabel()).isEqualTo(HOSTILE_LABEL);
        assertThat(tags(renderer.getElement())).doesNotContain("img", "script", "b");
    }

    @Test
    void englishLabelsAndOptionsFallBackToChinese() {
        render(Locale.ENGLISH, FieldStates.DECLARED);

        Select<String> grade = select("field-grade");

        assertThat(input("field-location", TextField.class).getLabel()).isEqualTo("<b>Location</b>");
        assertThat(input("field-note", TextArea.class).getLabel()).isEqualTo("备注");
        assertThat(grade.getItemLabelGenerator().apply("一级")).isEqualTo("Grade 1 <script>");
        assertThat(grade.getItemLabelGenerator().apply("二级")).isEqualTo("二级动火");
    }

    @Test
    void chineseDatePickerStartsOnMonday() {
        render(Locale.SIMPLIFIED_CHINESE, FieldStates.DECLARED);

        DatePicker.DatePickerI18n texts = input("field-workDate", DatePicker.class).getI18n();

        assertThat(texts.getMonthNames()).startsWith("一月", "二月");
        assertThat(texts.getWeekdaysShort()).startsWith("日", "一");
        assertThat(texts.getToday()).isEqualTo("今天");
        assertThat(texts.getCancel()).isEqualTo("取消");
        assertThat(texts.getFirstDayOfWeek()).isEqualTo(1);
        assertThat(texts.getDateFormats()).containsExactly("yyyy-MM-dd");
    }

    @Test
    void englishDatePickerUsesEnglishNames() {
        render(Locale.ENGLISH, FieldStates.DECLARED);

        DatePicker.DatePickerI18n texts = input("field-workDate", DatePicker.class).getI18n();

        assertThat(texts.getMonthNames()).startsWith("January");
        assertThat(texts.getToday()).isEqualTo("Today");
        assertThat(texts.getFirstDayOfWeek()).isEqualTo(1);
    }

    @Test
    void everyWidgetRoundTrips() {
        render(Locale.SIMPLIFIED_CHINESE, FieldStates.DECLARED);
        ObjectNode data = sampleData(3);

        renderer.read(data);

        assertThat(renderer.write()).isEqualTo(data);
    }

    @Test
    void geoPointOutOfRangeIsMarkedAndLeftOut() {
        render(Locale.SIMPLIFIED_CHINESE, FieldStates.DECLARED);
        renderer.read(sampleData(1));
        BigDecimalField latitude = input("field-position-lat", BigDecimalField.class);

        latitude.setValue(new BigDecimal("95"));
        JsonNode written = renderer.write();

        assertThat(latitude.isInvalid()).isTrue();
        assertThat(latitude.getErrorMessage()).isEqualTo("纬度（°）应在 -90 到 90 之间，当前为 95");
        assertThat(written.has("position")).isFalse();
    }

    @Test
    void gasReadingOffersGasesByName() {
        render(Locale.SIMPLIFIED_CHINESE, FieldStates.DECLARED);

        Select<String> gas = select("field-reading-gas");

        assertThat(gas.getItemLabelGenerator().apply("methane")).isEqualTo("甲烷");
        assertThat(gas.getItemLabelGenerator().apply("hydrogenSulfide")).isEqualTo("硫化氢");
    }

    @Test
    void orgUnitShowsNameAndStoresCode() {
        render(Locale.SIMPLIFIED_CHINESE, FieldStates.DECLARED);
        renderer.read(sampleData(1));

        ComboBox<?> unit = input("field-unit", ComboBox.class);

        assertThat(unit.getValue()).isEqualTo("MAINT");
        @SuppressWarnings("unchecked")
        ComboBox<String> units = (ComboBox<String>) unit;
        assertThat(units.getItemLabelGenerator().apply("MAINT")).isEqualTo("维修车间 (MAINT)");
        assertThat(renderer.write().path("unit").asString()).isEqualTo("MAINT");
    }

    @Test
    void tableOf200RowsHasOneRowEditor() {
        render(Locale.SIMPLIFIED_CHINESE, FieldStates.DECLARED);
        ObjectNode data = sampleData(200);

        renderer.read(data);

        assertThat(renderer.write()).isEqualTo(data);
        assertThat(ComponentSearch.ids(renderer).filter(id -> id.matches("field-readings-\\d+-point"))).containsExactly(
                "field-readings-0-point");
    }

    @Test
    void addedRowOpensInEditor() {
        render(Locale.SIMPLIFIED_CHINESE, FieldStates.DECLARED);
        renderer.read(sampleData(200));

        input("add-readings", Button.class).click();
        input("field-readings-200-point", TextField.class).setValue("新检测点");
        JsonNode rows = renderer.write().path("readings");

        assertThat(rows.size()).isEqualTo(201);
        assertThat(rows.path(200).path("point").asString()).isEqualTo("新检测点");
        assertThat(rows.path(199).path("point").asString()).isEqualTo("检测点 200");
    }

    @Test
    void tableLimitsDisableAddAndRemove() {
        render(Locale.SIMPLIFIED_CHINESE, FieldStates.DECLARED);

        renderer.read(sampleData(250));
        Button add = input("add-readings", Button.class);
        boolean addEnabledAtMax = add.isEnabled();
        renderer.read(sampleData(1));

        assertThat(addEnabledAtMax).isFalse();
        assertThat(add.isEnabled()).isTrue();
        assertThat(input("remove-readings-0", Button.class).isEnabled()).isFalse();
    }

    @Test
    void problemInLaterRowOpensThatRow() {
        render(Locale.SIMPLIFIED_CHINESE, FieldStates.DECLARED);
        renderer.read(sampleData(200));

        renderer.showProblems(List.of(new FieldProblem("$.readings[150].point", "请填写“检测点”")));
        TextField point = input("field-readings-150-point", TextField.class);

        assertThat(point.isInvalid()).isTrue();
        assertThat(point.getErrorMessage()).isEqualTo("请填写“检测点”");
    }

    @Test
    void storedFileWithoutStoreKeepsItsId() {
        render(Locale.SIMPLIFIED_CHINESE, FieldStates.DECLARED);
        ObjectNode data = sampleData(1);
        data.put("photo", "abc");

        renderer.read(data);

        assertThat(renderer.write().path("photo").asString()).isEqualTo("abc");
        assertThat(ComponentSearch.find(renderer, "field-photo").orElseThrow().getElement().getTextRecursively())
                .contains("文件 abc 无法显示");
    }

    @Test
    void fieldStatesDecideVisibilityAndRequiredMark() {
        FieldStates states = new FieldStates() {
            @Override
            public boolean visible(FormField field, String jsonPath, JsonNode data) {
                return !"$.note".equals(jsonPath) || !data.path("grade").asString().equals("一级");
            }

            @Override
            public boolean required(FormField field, String jsonPath, JsonNode data) {
                return field.required() || "$.grade".equals(jsonPath);
            }
        };
        render(Locale.SIMPLIFIED_CHINESE, states);

        renderer.read(sampleData(1));

        assertThat(input("field-note", TextArea.class).isVisible()).isFalse();
        assertThat(select("field-grade").isRequiredIndicatorVisible()).isTrue();
        assertThat(input("field-workDate", DatePicker.class).isRequiredIndicatorVisible()).isFalse();
    }

    @Test
    void signatureHeadingCarriesRequiredMark() {
        render(Locale.SIMPLIFIED_CHINESE, FieldStates.DECLARED);

        Component signature = ComponentSearch.find(renderer, "field-signature").orElseThrow();
        Span heading = (Span) signature.getChildren().findFirst().orElseThrow();

        assertThat(heading.getText()).isEqualTo("申请人签名");
        assertThat(heading.hasClassName("tezuo-required")).isTrue();
    }

    @Test
    void referenceOffersRecordsOfItsEntity() {
        ui = TranslatedUi.open(Locale.SIMPLIFIED_CHINESE);
        FormContext.RecordChoices detectors = entity -> entity.equals("gas_detector")
                ? List.of(new FormContext.RecordChoice(42, "QJ-2024-001 (#42)"), new FormContext.RecordChoice(7,
                        "QJ-2024-002 (#7)"))
                : List.of();
        renderer = new FormRenderer(form, new FormContext(Locale.SIMPLIFIED_CHINESE, SHANGHAI, List.of(), List.of(),
                null, FieldStates.DECLARED, detectors));
        renderer.read(sampleData(1));

        @SuppressWarnings("unchecked")
        ComboBox<Long> reference = input("field-linkedPermit", ComboBox.class);
        assertThat(reference.getValue()).isEqualTo(42L);
        assertThat(reference.getItemLabelGenerator().apply(7L)).isEqualTo("QJ-2024-002 (#7)");
        assertThat(renderer.write().path("linkedPermit").asLong()).isEqualTo(42L);
    }

    private void render(Locale locale, FieldStates states) {
        ui = TranslatedUi.open(locale);
        renderer = new FormRenderer(form, new FormContext(locale, SHANGHAI,
                List.of(new FormContext.PersonChoice("leader-1", "王负责")),
                List.of(new FormContext.OrgUnitChoice("MAINT", "维修车间")), null, states));
    }

    static ObjectNode sampleData(int rows) {
        ObjectNode data = JSON.createObjectNode();
        data.put("location", "1 号储罐区");
        data.put("note", "夜间作业");
        data.put("grade", "一级");
        data.put("workDate", "2026-12-04");
        data.put("unit", "MAINT");
        data.put("linkedPermit", 42);
        data.putObject("position").put("lat", new BigDecimal("31.230416")).put("lon", new BigDecimal("121.473701"));
        ObjectNode reading = data.putObject("reading");
        reading.put("gas", "methane");
        reading.put("value", new BigDecimal("8"));
        reading.put("unit", "%LEL");
        reading.put("time", "2026-12-04T09:45:00+08:00");
        ArrayNode table = data.putArray("readings");
        for (int i = 1; i <= rows; i++) {
            ObjectNode row = table.addObject();
            row.put("time", "2026-12-04T09:45:00+08:00");
            row.put("point", "检测点 " + i);
            row.put("gas", "甲烷");
            row.put("result", new BigDecimal("0.5"));
            row.put("unit", "%LEL");
            row.put("passed", true);
        }
        return data;
    }

    static FormDefinition allWidgetsForm() {
        try (InputStream body = FormInputsTest.class.getResourceAsStream("all-widgets.form.json")) {
            return new FormDefinitionParser().parse("all-widgets", 1, JSON.readTree(body));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private Select<String> select(String id) {
        return input(id, Select.class);
    }

    private <T extends Component> T input(String id, Class<T> type) {
        return ComponentSearch.require(renderer, id, type);
    }

    private static List<String> tags(Element root) {
        if (root.isTextNode()) {
            return List.of();
        }
        return Stream.concat(Stream.of(root.getTag()), root.getChildren().flatMap(child -> tags(child).stream()))
                .toList();
    }
}
