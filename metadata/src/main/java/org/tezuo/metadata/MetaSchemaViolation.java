package org.tezuo.metadata;

/**
 * One place where a document body breaks its kind's meta-schema.
 *
 * @param path JSON pointer-like location of the offending value, for example {@code $.fields[2].type}
 * @param message explanation in the requested locale
 */
public record MetaSchemaViolation(String path, String message) {
}
