package org.tezuo.core.pack;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.tezuo.core.audit.AuditLog;
import org.tezuo.core.i18n.UserMessages;
import org.tezuo.core.metadata.MetadataStore;
import org.tezuo.core.metadata.bundle.BundleProblem;
import org.tezuo.core.metadata.bundle.DocumentPreview;
import org.tezuo.core.metadata.bundle.ImportStatus;
import org.tezuo.core.metadata.diff.DocumentDiffer;
import org.tezuo.core.metadata.diff.MetadataChange;
import org.tezuo.core.tenant.TenantDirectory;
import org.tezuo.metadata.DocumentChecksum;
import org.tezuo.metadata.DocumentStatus;
import org.tezuo.metadata.MetaSchemaViolation;
import org.tezuo.metadata.MetadataDocument;
import org.tezuo.metadata.MetadataKind;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Verifies, previews, applies and rolls back policy packs in a tenant. Applying publishes every new and changed
 * document in one transaction or none; a pack whose effective date lies ahead is stored as scheduled and applied
 * on that date by {@link #activateDue()}. Every change raises a {@link PolicyChangeSignal} on commit, so every app
 * node drops its compiled rules of the tenant.
 */
@Component
public class PolicyPackApplier {

    private static final Logger log = LoggerFactory.getLogger(PolicyPackApplier.class);

    private final MetadataStore store;
    private final InstalledPacks installed;
    private final TrustedPackKeys keys;
    private final TenantDirectory tenants;
    private final AuditLog audit;
    private final PolicyChangeSignal signal;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final TransactionTemplate transaction;

    PolicyPackApplier(MetadataStore store, InstalledPacks installed, TrustedPackKeys keys, TenantDirectory tenants,
            AuditLog audit, PolicyChangeSignal signal, JdbcClient jdbc, JsonMapper json, Clock clock,
            PlatformTransactionManager transactions) {
        this.store = store;
        this.installed = installed;
        this.keys = keys;
        this.tenants = tenants;
        this.audit = audit;
        this.signal = signal;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Reads an uploaded pack file and reports what applying it would do, saving nothing. */
    @Transactional(readOnly = true)
    public PolicyPackPreview preview(long tenantId, byte[] file, Locale locale) {
        return preview(tenantId, new PolicyPackReader(json, locale).read(file), locale);
    }

    /** Reads a pack shipped on the class path and reports what applying it would do, saving nothing. */
    @Transactional(readOnly = true)
    public PolicyPackPreview previewResource(long tenantId, String resourcePath, Locale locale) {
        return preview(tenantId, new PolicyPackReader(json, locale).readResource(resourcePath), locale);
    }

    /**
     * Applies an uploaded pack: publishes its documents now, or schedules it when its effective date lies ahead.
     *
     * @throws PolicyPackException.Rejected listing every problem; nothing is saved
     */
    @Transactional
    public InstalledPack apply(long tenantId, byte[] file, String actor, Locale locale) {
        return apply(tenantId, new PolicyPackReader(json, locale).read(file), actor, locale);
    }

    /** Applies a pack shipped on the class path, as {@link #apply(long, byte[], String, Locale)} does. */
    @Transactional
    public InstalledPack applyResource(long tenantId, String resourcePath, String actor, Locale locale) {
        return apply(tenantId, new PolicyPackReader(json, locale).readResource(resourcePath), actor, locale);
    }

    /** Returns every pack applied or scheduled in the tenant, newest first. */
    public List<InstalledPack> installed(long tenantId) {
        return installed.list(tenantId);
    }

    /**
     * Rolls back an active pack by publishing again, in one transaction, the version each of its documents had
     * before the pack; cancels a scheduled pack. The pack it superseded becomes active again.
     *
     * <p>NOTE: a document the pack added stays published, since a published document cannot be withdrawn; nothing
     * uses it unless a form, flow or permit type names it.
     *
     * @throws PolicyPackException when the pack is not active or scheduled, or a document changed after the pack
     */
    @Transactional
    public InstalledPack rollback(long tenantId, long installId, String actor) {
        installed.lockTenant(tenantId);
        InstalledPack pack = installed.find(tenantId, installId)
                .orElseThrow(() -> new PolicyPackException("pack.notFound", installId));
        if (pack.status() == InstalledPack.Status.SCHEDULED) {
            installed.setStatus(pack.id(), pack.status(), InstalledPack.Status.ROLLED_BACK, actor, clock.instant());
            audit.append(tenantId, actor, "policy-pack.cancel", "policy-pack", pack.reference(), null, Map.of());
            return installed.find(tenantId, installId).orElseThrow();
        }
        if (pack.status() != InstalledPack.Status.ACTIVE) {
            throw new PolicyPackException("pack.rollback.notActive", pack.reference(), pack.status());
        }

        Map<String, Object> restored = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> published : pack.publishedVersions().entrySet()) {
            MetadataKind kind = kindOf(published.getKey());
            String key = keyOf(published.getKey());
            MetadataDocument newest = store.latest(tenantId, kind, key).orElseThrow();
            if (newest.version() != published.getValue() || newest.status() != DocumentStatus.PUBLISHED) {
                throw new PolicyPackException("pack.rollback.changedSince", pack.reference(), published.getKey(),
                        published.getValue(), newest.version());
            }
            Integer previous = pack.previousVersions().get(published.getKey());
            if (previous != null) {
                JsonNode body = store.find(tenantId, kind, key, previous).orElseThrow().body();
                restored.put(published.getKey(), store.saveAndPublish(tenantId, kind, key, body, actor).version());
            }
        }
        installed.setStatus(pack.id(), InstalledPack.Status.ACTIVE, InstalledPack.Status.ROLLED_BACK, actor,
                clock.instant());
        installed.list(tenantId).stream()
                .filter(other -> other.status() == InstalledPack.Status.SUPERSEDED)
                .filter(other -> supersededBy(other, pack))
                .findFirst()
                .ifPresent(other -> installed.setStatus(other.id(), InstalledPack.Status.SUPERSEDED,
                        InstalledPack.Status.ACTIVE, null, null));
        audit.append(tenantId, actor, "policy-pack.rollback", "policy-pack", pack.reference(),
                Map.of("published", pack.publishedVersions()), Map.of("restored", restored));
        signal.raise(tenantId);
        log.info("Rolled back policy pack {} in tenant {}: {} documents restored", pack.reference(), tenantId,
                restored.size());
        return installed.find(tenantId, installId).orElseThrow();
    }

    /**
     * Applies every scheduled pack whose effective date has come in its tenant's zone, each in its own
     * transaction; returns how many were applied. A pack that no longer verifies stays scheduled and is logged.
     */
    public int activateDue() {
        int activated = 0;
        LocalDate latestToday = LocalDate.now(clock.withZone(java.time.ZoneOffset.ofHours(14)));
        for (InstalledPack pack : installed.scheduledFrom(latestToday)) {
            LocalDate today = LocalDate.now(clock.withZone(tenants.require(pack.tenantId()).zone()));
            if (pack.effectiveFrom().isAfter(today)) {
                continue;
            }
            try {
                transaction.executeWithoutResult(status -> activate(pack));
                activated++;
            } catch (RuntimeException e) {
                log.warn("Scheduled policy pack {} of tenant {} could not be applied; it stays scheduled",
                        pack.reference(), pack.tenantId(), e);
            }
        }
        return activated;
    }

    private void activate(InstalledPack scheduled) {
        installed.lockTenant(scheduled.tenantId());
        byte[] content = installed.content(scheduled.id()).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Locale locale = UserMessages.DEFAULT_LOCALE;
        PolicyPackReader.Result read = new PolicyPackReader(json, locale).read(content);
        Checked checked = check(scheduled.tenantId(), read, locale, scheduled.id());
        PolicyPackPreview preview = checked.preview();
        if (!preview.applicable()) {
            throw new PolicyPackException.Rejected(preview.allProblems());
        }
        Map<String, @Nullable Integer> previous = new LinkedHashMap<>();
        Map<String, Integer> published = publish(scheduled.tenantId(), checked, AuditActor.SCHEDULER, previous);
        installed.activate(scheduled.id(), previous, published, clock.instant());
        supersede(scheduled.tenantId(), preview.manifest());
        audit.append(scheduled.tenantId(), AuditActor.SCHEDULER, "policy-pack.activate", "policy-pack",
                scheduled.reference(), null, Map.of("published", published));
        signal.raise(scheduled.tenantId());
        log.info("Activated scheduled policy pack {} in tenant {}", scheduled.reference(), scheduled.tenantId());
    }

    private InstalledPack apply(long tenantId, PolicyPackReader.Result read, String actor, Locale locale) {
        installed.lockTenant(tenantId);
        Checked checked = check(tenantId, read, locale, -1);
        PolicyPackPreview preview = checked.preview();
        if (!preview.applicable()) {
            throw new PolicyPackException.Rejected(preview.allProblems());
        }
        PolicyPack pack = java.util.Objects.requireNonNull(read.pack());
        byte[] content = PolicyPackReader.writeJson(json, pack);
        if (preview.scheduled()) {
            long id = installed.insert(tenantId, pack.manifest(), InstalledPack.Status.SCHEDULED, content, Map.of(),
                    Map.of(), actor, clock.instant());
            audit.append(tenantId, actor, "policy-pack.schedule", "policy-pack", pack.manifest().reference(), null,
                    Map.of("effectiveFrom", pack.manifest().effectiveFrom().toString()));
            log.info("Scheduled policy pack {} in tenant {} for {}", pack.manifest().reference(), tenantId,
                    pack.manifest().effectiveFrom());
            return installed.find(tenantId, id).orElseThrow();
        }

        Map<String, @Nullable Integer> previous = new LinkedHashMap<>();
        Map<String, Integer> published = publish(tenantId, checked, actor, previous);
        supersede(tenantId, pack.manifest());
        long id = installed.insert(tenantId, pack.manifest(), InstalledPack.Status.ACTIVE, content, previous,
                published, actor, clock.instant());
        audit.append(tenantId, actor, "policy-pack.apply", "policy-pack", pack.manifest().reference(),
                Map.of("previous", previous), Map.of("published", published));
        signal.raise(tenantId);
        log.info("Applied policy pack {} in tenant {}: {} documents published", pack.manifest().reference(),
                tenantId, published.size());
        return installed.find(tenantId, id).orElseThrow();
    }

    private Map<String, Integer> publish(long tenantId, Checked checked, String actor,
            Map<String, @Nullable Integer> previous) {
        Map<String, Integer> published = new LinkedHashMap<>();
        for (DocumentPreview document : checked.preview().documents()) {
            if (document.status() == ImportStatus.UNCHANGED) {
                continue;
            }
            String reference = document.kind() + ":" + document.key();
            JsonNode body = checked.bodies().get(reference);
            previous.put(reference, document.targetVersion());
            // The preview validated exactly this body under the tenant lock, so the store does not check it again.
            published.put(reference, store.saveAndPublishValidated(tenantId, MetadataKind.fromCode(document.kind()),
                    document.key(), body, actor).version());
        }
        return published;
    }

    private void supersede(long tenantId, @Nullable PolicyPackManifest manifest) {
        if (manifest == null || manifest.supersedes() == null) {
            return;
        }
        installed.list(tenantId).stream()
                .filter(other -> other.status() == InstalledPack.Status.ACTIVE)
                .filter(other -> other.reference().equals(manifest.supersedes()))
                .forEach(other -> installed.setStatus(other.id(), InstalledPack.Status.ACTIVE,
                        InstalledPack.Status.SUPERSEDED, null, null));
    }

    private boolean supersededBy(InstalledPack older, InstalledPack newer) {
        String content = installed.content(newer.id());
        JsonNode supersedes = json.readTree(content).path("manifest").path("supersedes");
        return supersedes.isString() && supersedes.asString().equals(older.reference());
    }

    private PolicyPackPreview preview(long tenantId, PolicyPackReader.Result read, Locale locale) {
        return check(tenantId, read, locale, -1).preview();
    }

    /**
     * A checked pack: its preview and the body each document will be published with, by {@code kind:key}. A delta
     * document is never published itself, because the changed target is.
     */
    private record Checked(PolicyPackPreview preview, Map<String, JsonNode> bodies) {
    }

    private Checked check(long tenantId, PolicyPackReader.Result read, Locale locale, long selfId) {
        PolicyPack pack = read.pack();
        if (pack == null) {
            return new Checked(new PolicyPackPreview(null, read.problems(), List.of(), List.of(), List.of(), false),
                    Map.of());
        }
        List<PackProblem> problems = new ArrayList<>(read.problems());
        problems.addAll(PackIntegrity.check(pack, keys, locale));
        problems.addAll(verifyReferences(tenantId, pack, locale));
        problems.addAll(verifyDates(tenantId, pack.manifest(), locale, selfId));
        PackDeltas deltas = new PackDeltas(locale);
        Map<String, JsonNode> bodies = resolve(tenantId, pack, deltas, locale);
        problems.addAll(deltas.problems());

        List<DocumentPreview> documents = bodies.entrySet().stream()
                .map(body -> preview(tenantId, body.getKey(), body.getValue(), locale))
                .toList();
        LocalDate today = LocalDate.now(clock.withZone(tenants.require(tenantId).zone()));
        return new Checked(new PolicyPackPreview(pack.manifest(), problems, documents,
                affectedPermits(tenantId, documents), UnconfirmedValue.find(pack.manifestJson(), pack.bodies(), locale),
                pack.manifest().effectiveFrom().isAfter(today)), bodies);
    }

    /**
     * Returns the body each document of the pack will have, in manifest order. A whole document keeps the body the
     * pack carries. The target of a delta is the tenant's published version, or the pack's own body of it, with the
     * delta applied.
     */
    private Map<String, JsonNode> resolve(long tenantId, PolicyPack pack, PackDeltas deltas, Locale locale) {
        Map<String, JsonNode> bodies = new LinkedHashMap<>();
        for (PolicyPackManifest.Entry entry : pack.manifest().documents()) {
            JsonNode body = pack.bodies().get(entry.reference());
            Optional<PackDeltaKind> delta = PackDeltaKind.fromCode(entry.kind());
            if (body == null || !body.isObject()) {
                continue;
            }
            if (delta.isEmpty()) {
                bodies.put(entry.reference(), body);
                continue;
            }
            String key = deltas.targetKey(entry.reference(), body);
            if (key == null) {
                continue;
            }
            String target = delta.get().target().code() + ":" + key;
            JsonNode base = bodies.containsKey(target) ? bodies.get(target)
                    : store.findPublished(tenantId, delta.get().target(), key).map(MetadataDocument::body)
                            .orElse(null);
            if (base == null || !base.isObject()) {
                deltas.problems().add(PackMessages.problem(locale, entry.reference(), "pack.delta.targetMissing",
                        entry.reference(), target));
                continue;
            }
            ObjectNode changed = (ObjectNode) base.deepCopy();
            deltas.apply(delta.get(), entry.reference(), body, changed);
            bodies.put(target, changed);
        }
        return bodies;
    }

    private List<PackProblem> verifyReferences(long tenantId, PolicyPack pack, Locale locale) {
        List<PackProblem> problems = new ArrayList<>();
        for (String reference : pack.manifest().requires()) {
            boolean inPack = pack.bodies().containsKey(reference);
            boolean inTenant = reference.contains(":") && isKnownKind(reference)
                    && store.findPublished(tenantId, kindOf(reference), keyOf(reference)).isPresent();
            if (!inPack && !inTenant) {
                problems.add(PackMessages.problem(locale, PolicyPackReader.MANIFEST, "pack.unknownReference",
                        reference));
            }
        }
        String supersedes = pack.manifest().supersedes();
        if (supersedes != null && installed.list(tenantId).stream().noneMatch(other ->
                other.reference().equals(supersedes) && other.status() != InstalledPack.Status.ROLLED_BACK)) {
            problems.add(PackMessages.problem(locale, PolicyPackReader.MANIFEST, "pack.unknownSupersedes",
                    supersedes));
        }
        return problems;
    }

    private List<PackProblem> verifyDates(long tenantId, PolicyPackManifest manifest, Locale locale, long selfId) {
        List<PackProblem> problems = new ArrayList<>();
        for (InstalledPack other : installed.list(tenantId)) {
            boolean inForce = other.status() == InstalledPack.Status.ACTIVE
                    || other.status() == InstalledPack.Status.SCHEDULED;
            if (other.id() == selfId || !inForce || !other.packId().equals(manifest.id())
                    || other.reference().equals(manifest.supersedes())) {
                continue;
            }
            if (overlaps(manifest.effectiveFrom(), manifest.effectiveTo(), other.effectiveFrom(),
                    other.effectiveTo())) {
                problems.add(PackMessages.problem(locale, PolicyPackReader.MANIFEST, "pack.overlap",
                        manifest.reference(), other.reference(), other.effectiveFrom(),
                        other.effectiveTo() == null ? "—" : other.effectiveTo()));
            }
        }
        return problems;
    }

    private static boolean overlaps(LocalDate from, @Nullable LocalDate to, LocalDate otherFrom,
            @Nullable LocalDate otherTo) {
        return (otherTo == null || !from.isAfter(otherTo)) && (to == null || !otherFrom.isAfter(to));
    }

    private DocumentPreview preview(long tenantId, String reference, JsonNode body, Locale locale) {
        PolicyPackManifest.Entry entry = new PolicyPackManifest.Entry(reference.substring(0, reference.indexOf(':')),
                keyOf(reference), "", null);
        if (!isKnownKind(entry.reference())) {
            return new DocumentPreview(entry.kind(), entry.key(), 0, ImportStatus.INVALID, null, List.of(), List.of());
        }
        MetadataKind kind = MetadataKind.fromCode(entry.kind());
        Optional<MetadataDocument> current = store.findPublished(tenantId, kind, entry.key());
        Integer targetVersion = current.map(MetadataDocument::version).orElse(null);
        if (current.isPresent() && current.get().checksum().equals(DocumentChecksum.of(body))) {
            return new DocumentPreview(entry.kind(), entry.key(), 0, ImportStatus.UNCHANGED, targetVersion,
                    List.of(), List.of());
        }
        List<BundleProblem> problems = new ArrayList<>();
        store.latest(tenantId, kind, entry.key())
                .filter(newest -> newest.status() == DocumentStatus.DRAFT)
                .ifPresent(draft -> problems.add(new BundleProblem("", UserMessages.render(PackMessages.BUNDLE,
                        locale, "pack.draftOpen", entry.reference(), draft.version()))));
        MetadataDocument candidate = store.candidate(tenantId, kind, entry.key(), body, "policy-pack");
        for (MetaSchemaViolation violation : store.validate(candidate, locale)) {
            problems.add(new BundleProblem(violation.path(), violation.message()));
        }
        List<MetadataChange> changes = current
                .map(published -> DocumentDiffer.compare(kind, published.body(), body))
                .orElse(List.of());
        ImportStatus status = !problems.isEmpty() ? ImportStatus.INVALID
                : current.isPresent() ? ImportStatus.CHANGED : ImportStatus.NEW;
        return new DocumentPreview(entry.kind(), entry.key(), 0, status, targetVersion, changes, problems);
    }

    private List<PolicyPackPreview.AffectedPermit> affectedPermits(long tenantId, List<DocumentPreview> documents) {
        List<PolicyPackPreview.AffectedPermit> permits = new ArrayList<>();
        for (DocumentPreview document : documents) {
            if (document.status() != ImportStatus.CHANGED) {
                continue;
            }
            String column = switch (document.kind()) {
                case "ruleset" -> "ruleset_key";
                case "form" -> "form_key";
                case "flow" -> "flow_key";
                default -> null;
            };
            if (column == null) {
                continue;
            }
            jdbc.sql("select id, permit_number, status, permit_type from permit where tenant_id = ? and "
                            + column + " = ? and status in ('IN_APPROVAL', 'SUSPENDED', 'RETURNED', 'ISSUED') "
                            + "order by id")
                    .params(tenantId, document.key())
                    .query((rs, row) -> new PolicyPackPreview.AffectedPermit(rs.getLong("id"),
                            rs.getString("permit_number"), rs.getString("status"), rs.getString("permit_type"),
                            document.kind() + ":" + document.key()))
                    .list()
                    .forEach(permits::add);
        }
        return permits;
    }

    private static boolean isKnownKind(String reference) {
        String kind = reference.contains(":") ? reference.substring(0, reference.indexOf(':')) : "";
        return java.util.Arrays.stream(MetadataKind.values()).anyMatch(known -> known.code().equals(kind));
    }

    private static MetadataKind kindOf(String reference) {
        return MetadataKind.fromCode(reference.substring(0, reference.indexOf(':')));
    }

    private static String keyOf(String reference) {
        return reference.substring(reference.indexOf(':') + 1);
    }

    /** Actor names the pack code writes into the audit log. */
    static final class AuditActor {
        static final String SCHEDULER = org.tezuo.core.audit.AuditLog.SYSTEM_ACTOR;

        private AuditActor() {
        }
    }
}
