package org.tezuo.core.metadata;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.tezuo.core.audit.AuditLog;
import org.tezuo.core.i18n.LocalizedException;
import org.tezuo.core.i18n.UserMessages;
import org.tezuo.metadata.DocumentChecksum;
import org.tezuo.metadata.DocumentStatus;
import org.tezuo.metadata.MetaSchemaValidator;
import org.tezuo.metadata.MetaSchemaViolation;
import org.tezuo.metadata.MetadataDocument;
import org.tezuo.metadata.MetadataKind;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stores versioned metadata documents per tenant. A draft can be saved repeatedly; publishing freezes it, and a
 * later save starts the next version. Every save is checked against the kind's meta-schema and audited.
 */
@Component
public class MetadataStore {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final MetaSchemaValidator validator = new MetaSchemaValidator();
    private final AuditLog audit;
    private final Clock clock;
    private final List<DocumentCheck> checks;
    private final List<PublicationStep> publicationSteps;

    public MetadataStore(JdbcClient jdbc, JsonMapper json, AuditLog audit, Clock clock, List<DocumentCheck> checks,
            List<PublicationStep> publicationSteps) {
        this.jdbc = jdbc;
        this.json = json;
        this.audit = audit;
        this.clock = clock;
        this.checks = List.copyOf(checks);
        this.publicationSteps = List.copyOf(publicationSteps);
    }

    /**
     * Saves {@code body} as the draft of the next version, replacing an existing draft.
     *
     * @throws LocalizedException with key {@code metadata.invalid} listing every meta-schema violation
     */
    @Transactional
    public MetadataDocument saveDraft(long tenantId, MetadataKind kind, String key, JsonNode body, String author) {
        return saveDraft(tenantId, kind, key, body, author, true);
    }

    private MetadataDocument saveDraft(long tenantId, MetadataKind kind, String key, JsonNode body, String author,
            boolean check) {
        Optional<MetadataDocument> latest = latest(tenantId, kind, key);
        MetadataDocument draft = candidate(tenantId, kind, key, body, author);
        int version = draft.version();
        if (check) {
            check(draft);
        }

        if (latest.isPresent() && latest.get().status() == DocumentStatus.DRAFT) {
            jdbc.sql("""
                    update metadata_document set body = ?, checksum = ?, author = ?, saved_at = ?
                    where tenant_id = ? and kind = ? and doc_key = ? and version = ? and status = 'DRAFT'""")
                    .params(json.writeValueAsString(body), draft.checksum(), author,
                            Timestamp.from(draft.savedAt()), tenantId, kind.code(), key, version)
                    .update();
        } else {
            jdbc.sql("""
                    insert into metadata_document (tenant_id, kind, doc_key, version, status, body, checksum, author,
                                                   saved_at)
                    values (?, ?, ?, ?, 'DRAFT', ?, ?, ?, ?)""")
                    .params(tenantId, kind.code(), key, version, json.writeValueAsString(body), draft.checksum(),
                            author, Timestamp.from(draft.savedAt()))
                    .update();
        }
        audit.append(tenantId, author, "metadata.save-draft", "metadata", draft.reference(), null,
                java.util.Map.of("checksum", draft.checksum()));
        return draft;
    }

    /**
     * Returns {@code body} as the draft it would become if saved now, without saving it: the version is the
     * open draft's or the one after the newest published version.
     */
    public MetadataDocument candidate(long tenantId, MetadataKind kind, String key, JsonNode body, String author) {
        int version = latest(tenantId, kind, key)
                .map(doc -> doc.status() == DocumentStatus.DRAFT ? doc.version() : doc.version() + 1)
                .orElse(1);
        return new MetadataDocument(tenantId, kind, key, version, DocumentStatus.DRAFT, body,
                DocumentChecksum.of(body), author, clock.instant());
    }

    /** Publishes the current draft of a document; the published version never changes again. */
    @Transactional
    public MetadataDocument publish(long tenantId, MetadataKind kind, String key, String author) {
        return publish(tenantId, kind, key, author, true);
    }

    private MetadataDocument publish(long tenantId, MetadataKind kind, String key, String author, boolean check) {
        MetadataDocument draft = latest(tenantId, kind, key)
                .filter(doc -> doc.status() == DocumentStatus.DRAFT)
                .orElseThrow(() -> new LocalizedException("metadata.draft.notFound", kind.code(), key));
        if (check) {
            check(draft);
        }
        Optional<MetadataDocument> previous = findPublished(tenantId, kind, key);
        publicationSteps.stream().filter(step -> step.appliesTo(draft))
                .forEach(step -> step.beforePublish(draft, previous));
        jdbc.sql("""
                update metadata_document set status = 'PUBLISHED', saved_at = ?
                where tenant_id = ? and kind = ? and doc_key = ? and version = ? and status = 'DRAFT'""")
                .params(Timestamp.from(clock.instant()), tenantId, kind.code(), key, draft.version())
                .update();
        audit.append(tenantId, author, "metadata.publish", "metadata", draft.reference(), null,
                java.util.Map.of("checksum", draft.checksum()));
        return find(tenantId, kind, key, draft.version()).orElseThrow();
    }

    /** Saves and publishes in one step, as template installation and bundle import do. */
    @Transactional
    public MetadataDocument saveAndPublish(long tenantId, MetadataKind kind, String key, JsonNode body, String author) {
        saveDraft(tenantId, kind, key, body, author);
        // The draft saved a moment ago in this transaction passed the checks, so publishing does not run them again.
        return publish(tenantId, kind, key, author, false);
    }

    /**
     * Saves and publishes a body whose {@link #candidate candidate} passed {@link #validate(MetadataDocument, Locale)}
     * earlier in the caller's transaction, without running the checks again; the publication steps still run. The
     * caller must hold a lock that keeps the tenant's documents from changing in between, as the policy-pack
     * applier does.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public MetadataDocument saveAndPublishValidated(long tenantId, MetadataKind kind, String key, JsonNode body,
            String author) {
        saveDraft(tenantId, kind, key, body, author, false);
        return publish(tenantId, kind, key, author, false);
    }

    /** Returns the newest published version. */
    public Optional<MetadataDocument> findPublished(long tenantId, MetadataKind kind, String key) {
        return jdbc.sql("""
                select * from metadata_document where tenant_id = ? and kind = ? and doc_key = ?
                and status = 'PUBLISHED' order by version desc limit 1""")
                .params(tenantId, kind.code(), key)
                .query(this::map)
                .optional();
    }

    /** Returns the newest published version or throws {@link MetadataNotFoundException}. */
    public MetadataDocument requirePublished(long tenantId, MetadataKind kind, String key) {
        return findPublished(tenantId, kind, key).orElseThrow(() -> new MetadataNotFoundException(kind, key));
    }

    /** Returns one exact version, draft or published. */
    public Optional<MetadataDocument> find(long tenantId, MetadataKind kind, String key, int version) {
        return jdbc.sql("select * from metadata_document where tenant_id = ? and kind = ? and doc_key = ? and version = ?")
                .params(tenantId, kind.code(), key, version)
                .query(this::map)
                .optional();
    }

    /** Returns the newest published version of every document of a kind. */
    public List<MetadataDocument> listPublished(long tenantId, MetadataKind kind) {
        return jdbc.sql("""
                select d.* from metadata_document d
                where d.tenant_id = ? and d.kind = ? and d.status = 'PUBLISHED'
                  and d.version = (select max(x.version) from metadata_document x
                                   where x.tenant_id = d.tenant_id and x.kind = d.kind and x.doc_key = d.doc_key
                                     and x.status = 'PUBLISHED')
                order by d.doc_key""")
                .params(tenantId, kind.code())
                .query(this::map)
                .list();
    }

    /** Returns the newest version, draft or published, of every document of a kind, ordered by key. */
    public List<MetadataDocument> listLatest(long tenantId, MetadataKind kind) {
        return jdbc.sql("""
                select d.* from metadata_document d
                where d.tenant_id = ? and d.kind = ?
                  and d.version = (select max(x.version) from metadata_document x
                                   where x.tenant_id = d.tenant_id and x.kind = d.kind and x.doc_key = d.doc_key)
                order by d.doc_key""")
                .params(tenantId, kind.code())
                .query(this::map)
                .list();
    }

    /** Returns every version of a document, newest first. */
    public List<MetadataDocument> history(long tenantId, MetadataKind kind, String key) {
        return jdbc.sql("select * from metadata_document where tenant_id = ? and kind = ? and doc_key = ? order by version desc")
                .params(tenantId, kind.code(), key)
                .query(this::map)
                .list();
    }

    /** Returns the newest version, draft or published, without reading the older ones. */
    public Optional<MetadataDocument> latest(long tenantId, MetadataKind kind, String key) {
        return jdbc.sql("select * from metadata_document where tenant_id = ? and kind = ? and doc_key = ? "
                        + "order by version desc limit 1")
                .params(tenantId, kind.code(), key)
                .query(this::map)
                .optional();
    }

    private void check(MetadataDocument document) {
        List<MetaSchemaViolation> violations = validate(document, UserMessages.DEFAULT_LOCALE);
        if (!violations.isEmpty()) {
            String details = violations.stream().map(v -> v.path() + " " + v.message())
                    .collect(java.util.stream.Collectors.joining("；"));
            throw new LocalizedException("metadata.invalid", document.reference(), details);
        }
    }

    /** Returns every meta-schema violation of a body without saving it, in {@code locale}. */
    public List<MetaSchemaViolation> validate(MetadataKind kind, JsonNode body, Locale locale) {
        return validator.validate(kind, body, locale);
    }

    /**
     * Returns every problem of {@code candidate} in {@code locale}: meta-schema violations first and, when the
     * body has the right shape, the problems every applicable {@link DocumentCheck} finds.
     */
    public List<MetaSchemaViolation> validate(MetadataDocument candidate, Locale locale) {
        List<MetaSchemaViolation> violations = validator.validate(candidate.kind(), candidate.body(), locale);
        if (!violations.isEmpty()) {
            return violations;
        }
        return checks.stream().filter(check -> check.appliesTo(candidate))
                .flatMap(check -> check.check(candidate, locale).stream())
                .toList();
    }

    private MetadataDocument map(ResultSet rs, int row) throws SQLException {
        return new MetadataDocument(rs.getLong("tenant_id"), MetadataKind.fromCode(rs.getString("kind")),
                rs.getString("doc_key"), rs.getInt("version"), DocumentStatus.valueOf(rs.getString("status")),
                json.readTree(rs.getString("body")), rs.getString("checksum"), rs.getString("author"),
                rs.getTimestamp("saved_at").toInstant());
    }
}
