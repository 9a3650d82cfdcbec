package org.tezuo.app.ui.designer;

import com.vaadin.flow.i18n.I18NProvider;
import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.tezuo.form.definition.FieldWidget;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Creates the field a palette item adds: the schema type and format its widget needs, the palette caption as
 * label, and for tables, groups, locations and gas readings the properties they consist of. Default texts come
 * from the ui bundle in Chinese and English.
 */
public final class FieldTemplates {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final I18NProvider captions;

    public FieldTemplates(I18NProvider captions) {
        this.captions = captions;
    }

    /** Returns the caption key of a widget's palette item, for example {@code designer.widget.gasReading}. */
    public static String captionKey(FieldWidget widget) {
        return "designer.widget." + widget.code();
    }

    /** Creates a new optional field with {@code key}. */
    public FieldDesign create(FieldWidget widget, String key) {
        ObjectNode schema = NODES.objectNode();
        switch (widget) {
            case NUMBER -> schema.put("type", "number");
            case CHECKBOX -> schema.put("type", "boolean");
            case DATE -> schema.put("type", "string").put("format", "date");
            case DATETIME -> schema.put("type", "string").put("format", "date-time");
            case TABLE -> {
                schema.put("type", "array");
                ObjectNode row = schema.putObject("items").put("type", "object").put("additionalProperties", false);
                row.putObject("properties").set("content", textProperty("designer.default.content"));
            }
            case GROUP -> objectSchema(schema).set("content", textProperty("designer.default.content"));
            case GEO_POINT -> geoPoint(schema);
            case GAS_READING -> gasReading(schema);
            default -> schema.put("type", "string");
        }
        List<OptionDesign> options = widget == FieldWidget.SELECT
                ? List.of(new OptionDesign("option1", DesignLabel.caption(captions, "designer.default.option", 1)),
                        new OptionDesign("option2", DesignLabel.caption(captions, "designer.default.option", 2)))
                : List.of();
        return new FieldDesign(key, widget, DesignLabel.caption(captions, captionKey(widget)), false, null, null,
                null, null, options, null, schema);
    }

    private void geoPoint(ObjectNode schema) {
        ObjectNode properties = objectSchema(schema);
        properties.set("lat", numberProperty("designer.default.latitude", -90, 90));
        properties.set("lon", numberProperty("designer.default.longitude", -180, 180));
        schema.putArray("required").add("lat").add("lon");
    }

    private void gasReading(ObjectNode schema) {
        ObjectNode properties = objectSchema(schema);
        properties.set("gas", textProperty("designer.default.gas"));
        ObjectNode value = numberProperty("designer.default.reading", 0, null);
        properties.set("value", value);
        ObjectNode unit = label(NODES.objectNode().put("type", "string"), "designer.default.unit");
        unit.putArray("enum").add("%LEL").add("%VOL").add("ppm");
        properties.set("unit", unit);
        properties.set("readAt", label(NODES.objectNode().put("type", "string").put("format", "date-time"),
                "designer.default.readAt"));
        schema.putArray("required").add("gas").add("value").add("unit").add("readAt");
    }

    private static ObjectNode objectSchema(ObjectNode schema) {
        schema.put("type", "object").put("additionalProperties", false);
        return schema.putObject("properties");
    }

    private ObjectNode textProperty(String captionKey) {
        return label(NODES.objectNode().put("type", "string").put("minLength", 1), captionKey);
    }

    private ObjectNode numberProperty(String captionKey, int minimum, @Nullable Integer maximum) {
        ObjectNode property = NODES.objectNode().put("type", "number").put("minimum", BigDecimal.valueOf(minimum));
        if (maximum != null) {
            property.put("maximum", BigDecimal.valueOf(maximum));
        }
        return label(property, captionKey);
    }

    private ObjectNode label(ObjectNode property, String captionKey) {
        property.set("x-label", DesignLabel.caption(captions, captionKey).toJson());
        return property;
    }
}
