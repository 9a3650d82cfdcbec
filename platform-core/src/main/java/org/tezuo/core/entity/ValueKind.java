package org.tezuo.core.entity;

/** How a column's value is bound and read over JDBC. */
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
