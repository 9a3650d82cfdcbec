package org.tezuo.core.metadata;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tezuo.core.audit.AuditLog;
import org.tezuo.core.metadata.diff.DocumentDiffer;
import org.tezuo.core.metadata.diff.MetadataChange;
import org.tezuo.metadata.DocumentStatus;
import org.tezuo.metadata.MetadataDocument;
import org.tezuo.metadata.MetadataKind;

/**
 * Compares versions of a document and rolls a document back. A rollback never touches a published version: it
 * publishes a new version whose body equals the chosen one, through the same checks and publication steps as any
 * publish.
 */
@Component
public class MetadataVersions {

    private final MetadataStore store;
    private final AuditLog audit;

    public MetadataVersions(MetadataStore store, AuditLog audit) {
        this.store = store;
        this.audit = audit;
    }

    /** Two versions of one document and the changes that lead from the first to the second. */
    public record VersionComparison(MetadataDocument from, MetadataDocument to, List<MetadataChange> changes) {
    }

    /**
     * Compares two versions, drafts included.
     *
     * @throws MetadataVersionNotFoundException when either version does not exist
     */
    public VersionComparison compare(long tenantId, MetadataKind kind, String key, int fromVersion, int toVersion) {
        List<MetadataDocument> history = store.history(tenantId, kind, key);
        MetadataDocument from = requireVersion(history, kind, key, fromVersion);
        MetadataDocument to = requireVersion(history, kind, key, toVersion);
        return new VersionComparison(from, to, DocumentDiffer.compare(kind, from.body(), to.body()));
    }

    /**
     * Publishes a new version whose body equals version {@code targetVersion} and audits it as
     * {@code metadata.rollback} with the version replaced and the version restored.
     *
     * <p>The rule for drafts: a rollback is rejected while the document has an open draft, because the new version
     * would otherwise overwrite that draft's unpublished work. Publish the draft first, then roll back.
     *
     * @throws MetadataVersionNotFoundException when the version does not exist
     * @throws MetadataConflictException when a draft is open or the version is already the newest published one
     */
    @Transactional
    public MetadataDocument rollback(long tenantId, MetadataKind kind, String key, int targetVersion, String author) {
        List<MetadataDocument> history = store.history(tenantId, kind, key);
        MetadataDocument target = requireVersion(history, kind, key, targetVersion);
        MetadataDocument newest = history.getFirst();
        if (newest.status() == DocumentStatus.DRAFT) {
            throw new MetadataConflictException("metadata.rollback.draftOpen", kind.code(), key, newest.version(),
                    targetVersion);
        }
        if (target.version() == newest.version()) {
            throw new MetadataConflictException("metadata.rollback.alreadyNewest", kind.code(), key, targetVersion);
        }

        MetadataDocument published = store.saveAndPublish(tenantId, kind, key, target.body(), author);

        Map<String, Object> before = new LinkedHashMap<>();
        before.put("version", newest.version());
        before.put("checksum", newest.checksum());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("version", published.version());
        after.put("restoredFrom", target.version());
        after.put("checksum", published.checksum());
        audit.append(tenantId, author, "metadata.rollback", "metadata", published.reference(), before, after);
        return published;
    }

    private static MetadataDocument requireVersion(List<MetadataDocument> history, MetadataKind kind, String key,
            int version) {
        return history.stream()
                .filter(document -> document.version() == version)
                .findFirst()
                .orElseThrow(() -> new MetadataVersionNotFoundException(kind, key, version,
                        history.isEmpty() ? 0 : history.getFirst().version()));
    }
}
