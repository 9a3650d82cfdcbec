package org.tezuo.metadata;

import java.util.List;

/** Thrown when a document body does not satisfy its kind's meta-schema; carries every violation. */
public final class InvalidMetadataException extends RuntimeException {

    private final String reference;
    private final List<MetaSchemaViolation> violations;

    public InvalidMetadataException(String reference, List<MetaSchemaViolation> violations) {
        super("Metadata document " + reference + " is invalid: " + violations);
        this.reference = reference;
        this.violations = List.copyOf(violations);
    }

    /** Returns the document reference, for example {@code form:hot-work-permit@2}. */
    public String reference() {
        return reference;
    }

    public List<MetaSchemaViolation> violations() {
        return violations;
    }
}
