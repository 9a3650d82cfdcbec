package org.tezuo.core.entity;

import java.util.Arrays;

/** The type of an entity field as written in the entity document's {@code type}. */
public enum EntityFieldType {
    TEXT("text"),
    LONG_TEXT("longText"),
    INTEGER("integer"),
    DECIMAL("decimal"),
    DATE("date"),
    DATE_TIME("dateTime"),
    ENUM("enum"),
    REFERENCE("reference"),
    PERSON("person"),
    ORG_UNIT("orgUnit"),
    FILE("file"),
    PHOTO("photo"),
    SIGNATURE("signature"),
    GEO_POINT("geoPoint"),
    GAS_READING("gasReading"),
    TABLE("table"),
    BOOLEAN("boolean");

    private final String code;

    EntityFieldType(String code) {
        this.code = code;
    }

    /** Returns the name used in entity documents, for example {@code longText}. */
    public String code() {
        return code;
    }

    /** Returns whether a value of this type is stored in more than one column or in a child table. */
    public boolean isComposite() {
        return this == GEO_POINT || this == GAS_READING || this == TABLE;
    }

    /**
     * Parses a type code; the entity meta-schema limits codes to this list.
     *
     * @throws IllegalArgumentException for a code the meta-schema would have rejected
     */
    public static EntityFieldType fromCode(String code) {
        return Arrays.stream(values()).filter(type -> type.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown entity field type " + code));
    }
}
