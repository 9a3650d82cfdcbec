package org.tezuo.core.metadata.bundle;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of reading a bundle against a target tenant, before anything is saved.
 *
 * @param sourceTenant the tenant code the bundle names, when readable
 * @param problems problems of the bundle as a whole: format, checksums, unknown kinds, duplicates
 * @param documents one entry per readable document, in import order
 */
public record BundlePreview(@Nullable String sourceTenant, List<BundleProblem> problems,
        List<DocumentPreview> documents) {

    public BundlePreview {
        problems = List.copyOf(problems);
        documents = List.copyOf(documents);
    }

    /** Returns whether applying would succeed as far as reading and checking can tell. */
    public boolean applicable() {
        return problems.isEmpty() && documents.stream().noneMatch(doc -> doc.status() == ImportStatus.INVALID);
    }

    /** Returns how many documents have {@code status}. */
    public long count(ImportStatus status) {
        return documents.stream().filter(doc -> doc.status() == status).count();
    }
}
