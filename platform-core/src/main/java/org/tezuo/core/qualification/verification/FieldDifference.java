package org.tezuo.core.qualification.verification;

import org.jspecify.annotations.Nullable;

/**
 * A field on which ledger and registry disagree, or a value adopted from the registry.
 *
 * @param ledgerValue the value in the ledger before the check; null when the ledger had none
 * @param registryValue the value the registry shows
 */
public record FieldDifference(ComparedField field, @Nullable String ledgerValue, @Nullable String registryValue) {
}
