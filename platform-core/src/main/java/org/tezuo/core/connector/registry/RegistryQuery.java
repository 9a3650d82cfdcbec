package org.tezuo.core.connector.registry;

import org.jspecify.annotations.Nullable;

/**
 * A registry lookup: the certificate number, or the holder's ID number and name as on the public query
 * page. At least the certificate number or the ID number is present.
 */
public record RegistryQuery(@Nullable String certNumber, @Nullable String idNumber, @Nullable String name) {

    public RegistryQuery {
        if (certNumber == null && idNumber == null) {
            throw new IllegalArgumentException("A registry query needs a certificate number or an ID number");
        }
    }
}
