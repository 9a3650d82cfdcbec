package org.tezuo.core.entity;

/** JDBC binding of a column's value. */
public enum ValueKind {
    STRING,
    LONG_STRING,
    LONG,
    DECIMAL,
    DOUBLE,
    DATE,
    TIMESTAMP,
    BOOLEAN
}
