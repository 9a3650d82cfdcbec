package org.tezuo.core.record;

/**
 * The form version a record was created with; the record is validated with this exact version on every update.
 *
 * @param key form document key
 * @param version published form version
 */
public record FormReference(String key, int version) {
}
