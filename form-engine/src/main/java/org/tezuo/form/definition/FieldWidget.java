package org.tezuo.form.definition;

import java.util.Arrays;
import java.util.Optional;

/**
 * The input a renderer shows for a field, named by the {@code x-widget} annotation of its schema property. When the
 * annotation is absent the parser picks one from the type, format and enum of the property.
 */
public enum FieldWidget {
    /** Single-line text. */
    TEXT("text"),
    /** Multi-line text. */
    TEXTAREA("textarea"),
    /** Number input. */
    NUMBER("number"),
    /** Choice from the property's {@code enum}. */
    SELECT("select"),
    /** Calendar date ({@code format: date}). */
    DATE("date"),
    /** Date and time with offset ({@code format: date-time}). */
    DATETIME("datetime"),
    /** A user of the tenant, stored as the user name. */
    PERSON("person"),
    /** Rows of an array of objects, one column per item property. */
    TABLE("table"),
    /** Yes/no box for a boolean. */
    CHECKBOX("checkbox"),
    /** Handwritten signature, stored as a reference to the captured image. */
    SIGNATURE("signature"),
    /** Nested object shown as a group of its properties. */
    GROUP("group"),
    /** Photo taken with the camera or chosen from the device, stored as a reference to the stored file. */
    PHOTO("photo"),
    /** Uploaded document, stored as a reference to the stored file. */
    FILE("file"),
    /** Latitude and longitude in WGS 84 degrees, an object with {@code lat} and {@code lon}. */
    GEO_POINT("geoPoint"),
    /** One gas detector reading, an object with gas, value, unit and reading time. */
    GAS_READING("gasReading"),
    /** An org unit of the tenant, stored as its code. */
    ORG_UNIT("orgUnit"),
    /** A record of another entity, stored as the record id. */
    REFERENCE("reference");

    private final String code;

    FieldWidget(String code) {
        this.code = code;
    }

    /** Returns the name used in {@code x-widget}. */
    public String code() {
        return code;
    }

    /** Finds the widget named {@code code} in {@code x-widget}. */
    public static Optional<FieldWidget> fromCode(String code) {
        return Arrays.stream(values()).filter(widget -> widget.code.equals(code)).findFirst();
    }
}
