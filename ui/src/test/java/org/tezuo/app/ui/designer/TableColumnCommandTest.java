package org.tezuo.app.ui.designer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.tezuo.form.definition.FieldWidget;
import org.tezuo.form.definition.FormDefinitionParser;
import org.tezuo.metadata.MetaSchemaValidator;
import org.tezuo.metadata.MetadataKind;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The commands that edit the columns and row limits of a table field, and how the columns are written. */
class TableColumnCommandTest {

    private final DesignHistory history = new DesignHistory(DesignFixtures.blank());

    @Test
    void hotWorkTablesKeepColumnsUnchanged() {
        FormDesign design = FormDesignJson.read(DesignFixtures.hotWorkBody());
        List<FieldDesign> tables = design.fields().stream()
                .filter(field -> field.widget() == FieldWidget.TABLE)
                .toList();

        assertThat(tables).extracting(FieldDesign::key)
                .contains("workers", "gasAnalyses", "linkedPermits", "safetyMeasures", "emergencyContacts");
        for (FieldDesign table : tables) {
            assertThat(table.withColumns(table.columns())).as(table.key()).isEqualTo(table);
        }
    }

    @Test
    void hotWorkColumnsReadTyped() {
        FieldDesign measures = FormDesignJson.read(DesignFixtures.hotWorkBody()).field("safetyMeasures")
                .orElseThrow();

        assertThat(measures.columns()).extracting(FieldDesign::key)
                .containsExactly("item", "detail", "applies", "confirmedBy");
        assertThat(measures.columns()).extracting(FieldDesign::widget).containsExactly(FieldWidget.TEXTAREA,
                FieldWidget.TEXTAREA, FieldWidget.CHECKBOX, FieldWidget.PERSON);
        assertThat(measures.columns()).extracting(FieldDesign::required).containsExactly(true, false, true, false);
        assertThat(measures.columns().getLast().visibleWhen()).isEqualTo("row.applies == true");
        assertThat(measures.minRows()).isEqualTo(1);
        assertThat(measures.maxRows()).isEqualTo(50);
    }

    @Test
    void addColumnWritesItemsPropertiesAndRequired() {
        addTable();
        FieldDesign number = DesignFixtures.TEMPLATES.create(FieldWidget.NUMBER, "result")
                .withLabel(new DesignLabel("分析结果", "Result"))
                .withRequired(true)
                .withLimits(BigDecimal.ZERO, new BigDecimal("100"), null);
        history.execute(new DesignCommand.AddColumn("table1", number, 0));
        history.execute(new DesignCommand.AddColumn("table1",
                DesignFixtures.TEMPLATES.create(FieldWidget.PERSON, "analyst"), 5));

        ObjectNode body = FormDesignJson.write(history.current());

        JsonNode items = body.at("/schema/properties/table1/items");
        assertThat(items.get("properties").propertyNames()).containsExactly("result", "content", "analyst");
        assertThat(items.get("required").toString()).isEqualTo("[\"result\"]");
        assertThat(items.at("/properties/result/maximum").decimalValue()).isEqualByComparingTo("100");
        assertThat(items.at("/properties/result/x-label/zh").asString()).isEqualTo("分析结果");
        assertThat(items.at("/properties/result").has("x-widget")).isFalse();
        assertThat(items.at("/properties/analyst/x-widget").asString()).isEqualTo("person");
        assertThat(new MetaSchemaValidator().validate(MetadataKind.FORM, body, Locale.SIMPLIFIED_CHINESE)).isEmpty();
        assertThat(new FormDefinitionParser().parse("designed", 1, body).field("table1")).isPresent();
    }

    @Test
    void addColumnRejectsTakenKey() {
        addTable();
        FormDesign before = history.current();

        assertThatThrownBy(() -> history.execute(new DesignCommand.AddColumn("table1",
                DesignFixtures.TEMPLATES.create(FieldWidget.TEXT, "content"), 0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("content");
        assertThat(history.current()).isEqualTo(before);
    }

    @Test
    void columnCommandRejectsFieldThatIsNoTable() {
        history.execute(new DesignCommand.AddField(DesignFixtures.TEMPLATES.create(FieldWidget.TEXT, "name"), 0, 0));

        assertThatThrownBy(() -> history.execute(new DesignCommand.RemoveColumn("name", "content")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a table");
    }

    @Test
    void replaceColumnRenamesAndRequires() {
        addTable();
        FieldDesign content = history.current().field("table1").orElseThrow().columns().getFirst();

        history.execute(new DesignCommand.ReplaceColumn("table1", "content",
                content.withKey("measure").withRequired(true).withLabel(new DesignLabel("措施", "Measure"))));

        FieldDesign table = history.current().field("table1").orElseThrow();
        assertThat(table.columns()).extracting(FieldDesign::key).containsExactly("measure");
        assertThat(table.columns().getFirst().required()).isTrue();
        assertThat(table.columns().getFirst().label()).isEqualTo(new DesignLabel("措施", "Measure"));
    }

    @Test
    void moveAndRemoveColumn() {
        addTable();
        history.execute(new DesignCommand.AddColumn("table1",
                DesignFixtures.TEMPLATES.create(FieldWidget.DATE, "day"), 1));
        history.execute(new DesignCommand.AddColumn("table1",
                DesignFixtures.TEMPLATES.create(FieldWidget.CHECKBOX, "done"), 2));

        history.execute(new DesignCommand.MoveColumn("table1", "done", 0));
        assertThat(columnKeys()).containsExactly("done", "content", "day");

        history.execute(new DesignCommand.RemoveColumn("table1", "content"));
        assertThat(columnKeys()).containsExactly("done", "day");

        history.undo();
        history.undo();
        assertThat(columnKeys()).containsExactly("content", "day", "done");
    }

    @Test
    void editRowsWritesMinAndMaxItems() {
        addTable();

        history.execute(new DesignCommand.EditRows("table1", 1, 20));
        JsonNode table = FormDesignJson.write(history.current()).at("/schema/properties/table1");

        assertThat(table.get("minItems").asInt()).isEqualTo(1);
        assertThat(table.get("maxItems").asInt()).isEqualTo(20);

        history.execute(new DesignCommand.EditRows("table1", null, 20));
        assertThat(history.current().field("table1").orElseThrow().minRows()).isNull();
    }

    private void addTable() {
        history.execute(new DesignCommand.AddField(DesignFixtures.TEMPLATES.create(FieldWidget.TABLE, "table1"), 0,
                0));
    }

    private List<String> columnKeys() {
        return history.current().field("table1").orElseThrow().columns().stream().map(FieldDesign::key).toList();
    }
}
