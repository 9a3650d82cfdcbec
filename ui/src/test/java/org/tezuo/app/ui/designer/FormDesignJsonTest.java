package org.tezuo.app.ui.designer;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tezuo.form.definition.FieldWidget;
import org.tezuo.form.definition.FormDefinition;
import org.tezuo.form.definition.FormDefinitionParser;
import org.tezuo.form.definition.FormField;
import org.tezuo.metadata.MetaSchemaValidator;
import org.tezuo.metadata.MetaSchemaViolation;
import org.tezuo.metadata.MetadataKind;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The JSON the designer writes: valid by the form meta-schema, readable by the form engine, and lossless. */
class FormDesignJsonTest {

    private final MetaSchemaValidator metaSchema = new MetaSchemaValidator();
    private final FormDefinitionParser parser = new FormDefinitionParser();

    @ParameterizedTest
    @EnumSource(FieldWidget.class)
    void everyPaletteFieldPassesMetaSchemaAndParser(FieldWidget widget) {
        FieldDesign field = DesignFixtures.TEMPLATES.create(widget, "field1");
        FormDesign design = new DesignCommand.AddField(field, 0, 0).applyTo(DesignFixtures.blank());

        ObjectNode body = FormDesignJson.write(design);

        assertThat(metaSchema.validate(MetadataKind.FORM, body, Locale.SIMPLIFIED_CHINESE)).isEmpty();
        FormField parsed = parser.parse("designed", 1, body).field("field1").orElseThrow();
        assertThat(parsed.widget()).isEqualTo(widget);
        assertThat(parsed.label().zh()).isEqualTo(DesignFixtures.CAPTIONS.getTranslation(
                FieldTemplates.captionKey(widget), Locale.SIMPLIFIED_CHINESE));
    }

    @Test
    void editedPropertiesBecomeKeywords() {
        FieldDesign number = DesignFixtures.TEMPLATES.create(FieldWidget.NUMBER, "concentration")
                .withLabel(new DesignLabel("可燃气体浓度", "Flammable gas"))
                .withRequired(true)
                .withLimits(BigDecimal.ZERO, new BigDecimal("100"), null)
                .withUnit("%LEL")
                .withVisibleWhen("grade == '特级'");
        FieldDesign grade = DesignFixtures.TEMPLATES.create(FieldWidget.SELECT, "grade")
                .withOptions(List.of(new OptionDesign("特级", new DesignLabel("特级", "Special")),
                        new OptionDesign("一级", new DesignLabel("一级", ""))));
        FormDesign design = new DesignCommand.AddField(number, 0, 0).applyTo(
                new DesignCommand.AddField(grade, 0, 0).applyTo(DesignFixtures.blank()));

        ObjectNode body = FormDesignJson.write(design);

        JsonNode property = body.at("/schema/properties/concentration");
        assertThat(property.get("type").asString()).isEqualTo("number");
        assertThat(property.get("minimum").decimalValue()).isEqualByComparingTo("0");
        assertThat(property.get("maximum").decimalValue()).isEqualByComparingTo("100");
        assertThat(property.get("x-unit").asString()).isEqualTo("%LEL");
        assertThat(property.get("x-visibleWhen").asString()).isEqualTo("grade == '特级'");
        assertThat(property.at("/x-label/en").asString()).isEqualTo("Flammable gas");
        assertThat(body.at("/schema/required").get(0).asString()).isEqualTo("concentration");
        JsonNode choice = body.at("/schema/properties/grade");
        assertThat(choice.get("enum").toString()).isEqualTo("[\"特级\",\"一级\"]");
        assertThat(choice.at("/x-enumLabels/特级/en").asString()).isEqualTo("Special");
        assertThat(choice.at("/x-enumLabels/一级").has("en")).isFalse();
        assertThat(body.at("/layout/sections/0/fields").toString()).isEqualTo("[\"concentration\",\"grade\"]");
        assertThat(metaSchema.validate(MetadataKind.FORM, body, Locale.SIMPLIFIED_CHINESE)).isEmpty();
        assertThat(parser.parse("designed", 1, body).field("concentration").orElseThrow().required()).isTrue();
    }

    @Test
    void referenceTargetAndConditionsBecomeKeywords() {
        FieldDesign reference = DesignFixtures.TEMPLATES.create(FieldWidget.REFERENCE, "inspection")
                .withReferencedEntity("daily_check")
                .withRequiredWhen("grade == '特级'")
                .withComputed(" ");
        FieldDesign grade = DesignFixtures.TEMPLATES.create(FieldWidget.SELECT, "grade");
        FormDesign design = new DesignCommand.AddField(reference, 0, 0).applyTo(
                new DesignCommand.AddField(grade, 0, 0).applyTo(DesignFixtures.blank()));

        ObjectNode body = FormDesignJson.write(design);

        JsonNode property = body.at("/schema/properties/inspection");
        assertThat(property.get("x-entity").asString()).isEqualTo("daily_check");
        assertThat(property.get("x-requiredWhen").asString()).isEqualTo("grade == '特级'");
        assertThat(property.has("x-computed")).isFalse();
        assertThat(metaSchema.validate(MetadataKind.FORM, body, Locale.SIMPLIFIED_CHINESE)).isEmpty();
        FieldDesign read = FormDesignJson.read(body).field("inspection").orElseThrow();
        assertThat(read.referencedEntity()).isEqualTo("daily_check");
        assertThat(read.requiredWhen()).isEqualTo("grade == '特级'");
        assertThat(read.withReferencedEntity(null).referencedEntity()).isNull();
    }

    @Test
    void readThenWriteKeepsHotWorkForm() {
        JsonNode original = DesignFixtures.hotWorkBody();
        FormDefinition before = parser.parse("hot-work-permit", 1, original);

        ObjectNode written = FormDesignJson.write(FormDesignJson.read(original));
        FormDefinition after = parser.parse("hot-work-permit", 1, written);

        // Fields are written in layout order, which may differ from the original schema order.
        assertThat(after.fields()).containsExactlyInAnyOrderElementsOf(before.fields());
        assertThat(after.sections()).isEqualTo(before.sections());
        assertThat(after.rules()).isEqualTo(before.rules());
        assertThat(after.bindings()).isEqualTo(before.bindings());
        assertThat(after.title()).isEqualTo(before.title());
        assertThat(after.permitType()).isEqualTo(before.permitType());
        assertThat(written.get("source")).isEqualTo(original.get("source"));
        assertThat(written.at("/schema/properties/safetyMeasures/default"))
                .isEqualTo(original.at("/schema/properties/safetyMeasures/default"));
        assertThat(FormDesignJson.write(FormDesignJson.read(written))).isEqualTo(written);
    }

    @Test
    void emptyFormBreaksMetaSchemaWithPaths() {
        ObjectNode body = FormDesignJson.write(DesignFixtures.blank());

        List<MetaSchemaViolation> violations = metaSchema.validate(MetadataKind.FORM, body,
                Locale.SIMPLIFIED_CHINESE);

        assertThat(violations).extracting(MetaSchemaViolation::path)
                .contains("/schema/properties", "/layout/sections/0/fields");
    }
}
