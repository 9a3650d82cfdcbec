package org.tezuo.core.metadata.bundle;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tezuo.core.i18n.LocalizedException;
import org.tezuo.core.metadata.MetadataStore;
import org.tezuo.core.tenant.TenantDirectory;
import org.tezuo.metadata.MetadataDocument;
import org.tezuo.metadata.MetadataKind;
import org.tezuo.metadata.UnknownMetadataKindException;

/** Collects the newest published version of a tenant's documents into a bundle. */
@Component
public class BundleExporter {

    private final MetadataStore store;
    private final TenantDirectory tenants;
    private final Clock clock;

    public BundleExporter(MetadataStore store, TenantDirectory tenants, Clock clock) {
        this.store = store;
        this.tenants = tenants;
        this.clock = clock;
    }

    /**
     * Exports the documents named by {@code selection}, a comma-separated list of {@code kind:key}, or every
     * published document of the tenant when the selection is blank.
     *
     * @throws LocalizedException when an entry of the selection is malformed, names an unknown kind or a document
     *     with no published version, or a connector carries a secret in its base URL
     */
    @Transactional(readOnly = true)
    public MetadataBundle export(long tenantId, String selection) {
        List<MetadataDocument> documents = selection.isBlank() ? all(tenantId) : selected(tenantId, selection);
        for (MetadataDocument document : documents) {
            if (document.kind() == MetadataKind.CONNECTOR) {
                List<String> secrets = ConnectorSecretCheck.secretsIn(document.body());
                if (!secrets.isEmpty()) {
                    throw new LocalizedException("metadata.bundle.secret", document.reference(),
                            String.join(", ", secrets));
                }
            }
        }
        List<MetadataBundle.Document> entries = documents.stream()
                .map(document -> new MetadataBundle.Document(document.kind().code(), document.key(),
                        document.version(), document.checksum(), document.body()))
                .sorted(ImportOrder.DOCUMENTS)
                .toList();
        return new MetadataBundle(clock.instant(), tenants.require(tenantId).code(), entries);
    }

    private List<MetadataDocument> all(long tenantId) {
        List<MetadataDocument> documents = new ArrayList<>();
        Arrays.stream(MetadataKind.values()).forEach(kind -> documents.addAll(store.listPublished(tenantId, kind)));
        return documents;
    }

    private List<MetadataDocument> selected(long tenantId, String selection) {
        Set<String> references = new LinkedHashSet<>();
        for (String entry : selection.split(",")) {
            if (!entry.isBlank()) {
                references.add(entry.trim());
            }
        }
        List<MetadataDocument> documents = new ArrayList<>();
        for (String reference : references) {
            int colon = reference.indexOf(':');
            if (colon <= 0 || colon == reference.length() - 1) {
                throw new LocalizedException("metadata.bundle.selectionInvalid", reference);
            }
            MetadataKind kind;
            try {
                kind = MetadataKind.fromCode(reference.substring(0, colon));
            } catch (UnknownMetadataKindException e) {
                throw new LocalizedException("metadata.unknownKind", e.kind(), MetadataKind.codes());
            }
            documents.add(store.requirePublished(tenantId, kind, reference.substring(colon + 1).trim()));
        }
        return documents;
    }
}
