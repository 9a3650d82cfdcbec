package org.tezuo.metadata;

/** Thrown when a document names a kind the runtime does not know. */
public final class UnknownMetadataKindException extends IllegalArgumentException {

    private final String kind;

    public UnknownMetadataKindException(String kind) {
        super("Unknown metadata kind '" + kind + "'; expected one of " + MetadataKind.codes());
        this.kind = kind;
    }

    public String kind() {
        return kind;
    }
}
