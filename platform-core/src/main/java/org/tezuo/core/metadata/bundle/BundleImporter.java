package org.tezuo.core.metadata.bundle;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tezuo.core.audit.AuditLog;
import org.tezuo.core.i18n.UserMessages;
import org.tezuo.core.metadata.MetadataStore;
import org.tezuo.core.metadata.diff.DocumentDiffer;
import org.tezuo.core.metadata.diff.MetadataChange;
import org.tezuo.metadata.DocumentStatus;
import org.tezuo.metadata.MetaSchemaViolation;
import org.tezuo.metadata.MetadataDocument;
import org.tezuo.metadata.MetadataKind;
import tools.jackson.databind.json.JsonMapper;

/**
 * Previews and applies an uploaded bundle in a target tenant. Applying saves and publishes every new or changed
 * document in one transaction, in {@link ImportOrder}, through the store's checks and publication steps; any
 * failure rolls the whole import back, so the tenant ends with all of the bundle or none of it.
 */
@Component
public class BundleImporter {

    private static final Logger log = LoggerFactory.getLogger(BundleImporter.class);

    private final MetadataStore store;
    private final AuditLog audit;
    private final JsonMapper json;
    private final BundleLimits limits;

    public BundleImporter(MetadataStore store, AuditLog audit, JsonMapper json) {
        this.store = store;
        this.audit = audit;
        this.json = json;
        this.limits = BundleLimits.DEFAULT;
    }

    public BundleLimits limits() {
        return limits;
    }

    /**
     * Reads {@code bytes} and reports what applying them to the tenant would do, saving nothing.
     *
     * <p>NOTE: each document is checked against the target tenant as it is now. A document check that resolves
     * references therefore finds documents of the same bundle only at apply time, when they are published first.
     *
     * @throws BundleTooLargeException when the upload breaks a {@link BundleLimits} limit
     */
    @Transactional(readOnly = true)
    public BundlePreview preview(long tenantId, byte[] bytes, Locale locale) {
        return read(tenantId, bytes, locale).preview();
    }

    /** A preview with the bundle documents it describes, by {@code kind:key}. */
    private record Reading(BundlePreview preview, Map<String, MetadataBundle.Document> documents) {
    }

    private Reading read(long tenantId, byte[] bytes, Locale locale) {
        BundleReader.Result read = new BundleReader(json, limits, locale).read(bytes);
        Map<String, MetadataBundle.Document> byReference = new LinkedHashMap<>();
        read.documents().stream().sorted(ImportOrder.DOCUMENTS)
                .forEach(document -> byReference.put(document.reference(), document));
        List<DocumentPreview> documents = byReference.values().stream()
                .map(document -> preview(tenantId, document, locale))
                .toList();
        return new Reading(new BundlePreview(read.sourceTenant(), read.problems(), documents), byReference);
    }

    /** The documents an apply published and how many it left unchanged. */
    public record ApplyResult(List<MetadataDocument> published, long unchanged) {
    }

    /**
     * Publishes every new and changed document of the bundle in one transaction and audits the import as
     * {@code metadata.bundle.apply}.
     *
     * @throws BundleRejectedException when the preview finds any problem; nothing is saved
     * @throws org.tezuo.core.i18n.LocalizedException when a document check or publication step rejects a document
     *     during publishing; the transaction rolls back, so nothing is saved
     */
    @Transactional
    public ApplyResult apply(long tenantId, byte[] bytes, String author, Locale locale) {
        Reading reading = read(tenantId, bytes, locale);
        BundlePreview preview = reading.preview();
        if (!preview.applicable()) {
            throw new BundleRejectedException(preview);
        }

        List<MetadataDocument> published = new ArrayList<>();
        for (DocumentPreview document : preview.documents()) {
            if (document.status() == ImportStatus.UNCHANGED) {
                continue;
            }
            MetadataBundle.Document source = reading.documents().get(document.kind() + ":" + document.key());
            published.add(store.saveAndPublish(tenantId, MetadataKind.fromCode(source.kind()), source.key(),
                    source.body(), author));
        }

        Map<String, Object> after = new LinkedHashMap<>();
        after.put("sourceTenant", String.valueOf(preview.sourceTenant()));
        after.put("published", published.stream().map(MetadataDocument::reference).toList());
        after.put("unchanged", preview.count(ImportStatus.UNCHANGED));
        audit.append(tenantId, author, "metadata.bundle.apply", "metadata", "bundle:"
                + preview.sourceTenant(), null, after);
        log.info("Imported metadata bundle from tenant {} into tenant {}: {} published, {} unchanged",
                preview.sourceTenant(), tenantId, published.size(), preview.count(ImportStatus.UNCHANGED));
        return new ApplyResult(published, preview.count(ImportStatus.UNCHANGED));
    }

    private DocumentPreview preview(long tenantId, MetadataBundle.Document document, Locale locale) {
        MetadataKind kind = MetadataKind.fromCode(document.kind());
        Optional<MetadataDocument> current = store.findPublished(tenantId, kind, document.key());
        Integer targetVersion = current.map(MetadataDocument::version).orElse(null);
        if (current.isPresent() && current.get().checksum().equals(document.checksum())) {
            return new DocumentPreview(document.kind(), document.key(), document.version(), ImportStatus.UNCHANGED,
                    targetVersion, List.of(), List.of());
        }

        List<BundleProblem> problems = new ArrayList<>();
        store.history(tenantId, kind, document.key()).stream().findFirst()
                .filter(newest -> newest.status() == DocumentStatus.DRAFT)
                .ifPresent(draft -> problems.add(new BundleProblem("", UserMessages.render(locale,
                        "metadata.bundle.draftOpen", document.reference(), draft.version()))));
        MetadataDocument candidate = store.candidate(tenantId, kind, document.key(), document.body(), "import");
        for (MetaSchemaViolation violation : store.validate(candidate, locale)) {
            problems.add(new BundleProblem(violation.path(), violation.message()));
        }
        List<MetadataChange> changes = current
                .map(published -> DocumentDiffer.compare(kind, published.body(), document.body()))
                .orElse(List.of());
        ImportStatus status = !problems.isEmpty() ? ImportStatus.INVALID
                : current.isPresent() ? ImportStatus.CHANGED : ImportStatus.NEW;
        return new DocumentPreview(document.kind(), document.key(), document.version(), status, targetVersion,
                changes, problems);
    }
}
