package org.tezuo.form.definition;

/** JSON Schema type of a field's value. */
public enum FieldType {
    STRING,
    INTEGER,
    NUMBER,
    BOOLEAN,
    ARRAY,
    OBJECT
}
