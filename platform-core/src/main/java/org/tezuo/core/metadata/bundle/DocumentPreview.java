package org.tezuo.core.metadata.bundle;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.tezuo.core.metadata.diff.MetadataChange;

/**
 * Preview of what applying a bundle does to one document.
 *
 * @param kind kind code
 * @param key document key
 * @param bundleVersion the version the document had in the source tenant
 * @param status new, changed, unchanged or invalid
 * @param targetVersion the newest published version in the target tenant, if any
 * @param changes the field-level changes from the target's published version to the bundle's body
 * @param problems meta-schema and document-check problems with their paths, for an invalid document
 */
public record DocumentPreview(String kind, String key, int bundleVersion, ImportStatus status,
        @Nullable Integer targetVersion, List<MetadataChange> changes, List<BundleProblem> problems) {

    public DocumentPreview {
        changes = List.copyOf(changes);
        problems = List.copyOf(problems);
    }
}
