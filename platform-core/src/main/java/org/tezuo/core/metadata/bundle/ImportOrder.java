package org.tezuo.core.metadata.bundle;

import java.util.Comparator;
import java.util.List;

/**
 * Publication order of bundle documents, so that a document is published after the documents it refers to.
 * Dictionaries come before the entities that use them, entities before queries and forms, and forms before the
 * rulesets and flows that read their data. Schedules and connectors come last. A kind missing from the table sorts
 * after every listed kind, by code.
 */
final class ImportOrder {

    private static final List<String> KINDS = List.of("dictionary", "entity", "query", "form", "ruleset", "flow",
            "schedule", "connector");

    static final Comparator<MetadataBundle.Document> DOCUMENTS = Comparator
            .comparingInt((MetadataBundle.Document document) -> rank(document.kind()))
            .thenComparing(MetadataBundle.Document::kind)
            .thenComparing(MetadataBundle.Document::key);

    private ImportOrder() {
    }

    private static int rank(String kind) {
        int index = KINDS.indexOf(kind);
        return index < 0 ? KINDS.size() : index;
    }
}
