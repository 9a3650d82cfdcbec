package org.tezuo.metadata;

import java.util.Arrays;
import java.util.Locale;

/**
 * The kinds of metadata document the runtime interprets. Each kind has a meta-schema under
 * {@code org/tezuo/metadata/meta-schemas/<code>.schema.json} that every saved body must satisfy.
 */
public enum MetadataKind {
    ENTITY("entity"),
    FORM("form"),
    FLOW("flow"),
    RULESET("ruleset"),
    SCHEDULE("schedule"),
    CONNECTOR("connector"),
    DICTIONARY("dictionary");

    private final String code;

    MetadataKind(String code) {
        this.code = code;
    }

    /** Returns the lower-case name used in files, URLs and the database. */
    public String code() {
        return code;
    }

    String metaSchemaResource() {
        return "/org/tezuo/metadata/meta-schemas/" + code + ".schema.json";
    }

    /** Parses a kind from its code, ignoring case. */
    public static MetadataKind fromCode(String code) {
        String wanted = code.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(kind -> kind.code.equals(wanted))
                .findFirst()
                .orElseThrow(() -> new UnknownMetadataKindException(code));
    }
}
