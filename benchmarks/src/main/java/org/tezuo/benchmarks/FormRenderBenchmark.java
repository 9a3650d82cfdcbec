package org.tezuo.benchmarks;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.tezuo.app.ui.form.FieldStates;
import org.tezuo.app.ui.form.FormContext;
import org.tezuo.app.ui.form.FormRenderer;
import org.tezuo.app.ui.form.TranslatedUi;
import org.tezuo.form.definition.FormDefinition;
import org.tezuo.form.definition.FormDefinitionParser;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Server time of the Vaadin form renderer to build the component tree of a generated 300-field form, to read data
 * into it, and to read 200 rows into a table. The fields take every widget that needs no file store in turn: text,
 * text area, number, select, date, date-time, check box, person, org unit, geo-point, gas reading and a
 * six-column table. Photo, file and signature fields are left out because their upload needs the database-backed
 * file store. The benchmark runs without a servlet container: {@link TranslatedUi} makes a UI current whose
 * captions come from the application's bundle, as on a page.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class FormRenderBenchmark {

    static final int FIELD_COUNT = 300;
    static final int TABLE_ROWS = 200;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String[] KINDS = {"text", "textarea", "number", "select", "date", "datetime", "checkbox",
        "person", "orgUnit", "geoPoint", "gasReading", "table"};

    private FormDefinition largeForm;
    private ObjectNode largeData;
    private FormDefinition tableForm;
    private ObjectNode tableData;
    private FormContext context;
    private TranslatedUi ui;

    @Setup(Level.Trial)
    public void prepare() {
        ui = TranslatedUi.open(Locale.SIMPLIFIED_CHINESE);
        FormDefinitionParser parser = new FormDefinitionParser();
        largeForm = parser.parse("benchmark-large", 1, formBody(FIELD_COUNT, 0));
        largeData = data(FIELD_COUNT, 3);
        tableForm = parser.parse("benchmark-table", 1, formBody(1, KINDS.length - 1));
        tableData = JSON.createObjectNode();
        tableData.set("f0", rows(TABLE_ROWS));
        List<FormContext.PersonChoice> persons = List.of(new FormContext.PersonChoice("leader-1", "王负责"),
                new FormContext.PersonChoice("welder-1", "李焊工"));
        List<FormContext.OrgUnitChoice> units = List.of(new FormContext.OrgUnitChoice("MAINT", "维修车间"),
                new FormContext.OrgUnitChoice("SAFETY", "安全环保部"));
        context = new FormContext(Locale.SIMPLIFIED_CHINESE, ZoneId.of("Asia/Shanghai"), persons, units, null,
                FieldStates.DECLARED);
    }

    @TearDown(Level.Trial)
    public void clearUi() {
        ui.close();
    }

    /** Builds the component tree of the 300-field form, empty. */
    @Benchmark
    public FormRenderer build300Fields() {
        return new FormRenderer(largeForm, context);
    }

    /** Builds the 300-field form and reads data into every field, three rows per table. */
    @Benchmark
    public FormRenderer build300FieldsAndRead() {
        FormRenderer renderer = new FormRenderer(largeForm, context);
        renderer.read(largeData);
        return renderer;
    }

    /** Builds a form with one six-column table and reads 200 rows into it. */
    @Benchmark
    public FormRenderer read200TableRows() {
        FormRenderer renderer = new FormRenderer(tableForm, context);
        renderer.read(tableData);
        return renderer;
    }

    /** Returns a form document of {@code count} fields whose widgets cycle through KINDS from {@code firstKind}. */
    static ObjectNode formBody(int count, int firstKind) {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("title").put("zh", "基准表单").put("en", "Benchmark form");
        ObjectNode schema = body.putObject("schema");
        schema.put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        ArrayNode sections = body.putObject("layout").putArray("sections");
        ArrayNode sectionFields = null;
        for (int i = 0; i < count; i++) {
            if (i % 20 == 0) {
                ObjectNode section = sections.addObject();
                section.putObject("title").put("zh", "第 " + (i / 20 + 1) + " 部分");
                section.put("columns", 2);
                sectionFields = section.putArray("fields");
            }
            String name = "f" + i;
            properties.set(name, property(KINDS[(firstKind + i) % KINDS.length], i));
            sectionFields.add(name);
        }
        return body;
    }

    private static ObjectNode property(String kind, int index) {
        ObjectNode property = JSON.createObjectNode();
        property.putObject("x-label").put("zh", "字段 " + index).put("en", "Field " + index);
        switch (kind) {
            case "text" -> property.put("type", "string");
            case "textarea" -> property.put("type", "string").put("x-widget", "textarea");
            case "number" -> property.put("type", "number");
            case "select" -> {
                property.put("type", "string");
                ArrayNode values = property.putArray("enum");
                ObjectNode labels = property.putObject("x-enumLabels");
                for (String value : List.of("A", "B", "C", "D")) {
                    values.add(value);
                    labels.putObject(value).put("zh", "选项 " + value).put("en", "Option " + value);
                }
            }
            case "date" -> property.put("type", "string").put("format", "date");
            case "datetime" -> property.put("type", "string").put("format", "date-time");
            case "checkbox" -> property.put("type", "boolean");
            case "person" -> property.put("type", "string").put("x-widget", "person");
            case "orgUnit" -> property.put("type", "string").put("x-widget", "orgUnit");
            case "geoPoint" -> property.put("type", "object").put("x-widget", "geoPoint");
            case "gasReading" -> property.put("type", "object").put("x-widget", "gasReading");
            case "table" -> {
                property.put("type", "array");
                ObjectNode items = property.putObject("items");
                items.put("type", "object");
                ObjectNode columns = items.putObject("properties");
                columns.set("time", property("datetime", 0));
                columns.set("point", property("text", 1));
                columns.set("gas", property("select", 2));
                columns.set("result", property("number", 3));
                columns.set("analyst", property("person", 4));
                columns.set("passed", property("checkbox", 5));
            }
            default -> throw new IllegalArgumentException("Unknown field kind " + kind);
        }
        return property;
    }

    /** Returns data for the 300-field form with {@code tableRows} rows in each table. */
    static ObjectNode data(int count, int tableRows) {
        ObjectNode data = JSON.createObjectNode();
        for (int i = 0; i < count; i++) {
            String name = "f" + i;
            switch (KINDS[i % KINDS.length]) {
                case "text", "textarea" -> data.put(name, "文本 " + i);
                case "number" -> data.put(name, new BigDecimal("12.5"));
                case "select" -> data.put(name, "B");
                case "date" -> data.put(name, "2026-12-04");
                case "datetime" -> data.put(name, "2026-12-04T09:45:00+08:00");
                case "checkbox" -> data.put(name, true);
                case "person" -> data.put(name, "leader-1");
                case "orgUnit" -> data.put(name, "MAINT");
                case "geoPoint" -> data.putObject(name).put("lat", new BigDecimal("31.23"))
                        .put("lon", new BigDecimal("121.47"));
                case "gasReading" -> data.putObject(name).put("gas", "methane").put("value", new BigDecimal("8"))
                        .put("unit", "%LEL").put("time", "2026-12-04T09:45:00+08:00");
                default -> data.set(name, rows(tableRows));
            }
        }
        return data;
    }

    private static ArrayNode rows(int count) {
        ArrayNode rows = JSON.createArrayNode();
        for (int i = 1; i <= count; i++) {
            rows.addObject().put("time", "2026-12-04T09:45:00+08:00").put("point", "检测点 " + i).put("gas", "A")
                    .put("result", new BigDecimal("0.5")).put("analyst", "welder-1").put("passed", true);
        }
        return rows;
    }
}
