package org.tezuo.core.pack;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.tezuo.core.metadata.MetadataNotFoundException;
import org.tezuo.core.metadata.MetadataStore;
import org.tezuo.core.risk.RiskModel;
import org.tezuo.core.rules.CompiledRuleset;
import org.tezuo.core.rules.Ruleset;
import org.tezuo.core.rules.RulesetCompiler;
import org.tezuo.core.rules.Threshold;
import org.tezuo.core.rules.ThresholdOrigin;
import org.tezuo.metadata.MetadataDocument;
import org.tezuo.metadata.MetadataKind;
import tools.jackson.databind.JsonNode;

/**
 * The compiled rulesets each tenant has published, held as one immutable set per tenant. Each threshold in force
 * names its origin: the pack that published its ruleset version, the published document, or an enterprise
 * override supplied by a {@link ThresholdOverlay}. A policy change on any node drops the tenant's set. The next
 * evaluation compiles the new set and swaps it in whole, so an evaluation that took a set evaluates the old rules
 * or the new ones, never a mix.
 */
@Component
public class ActivePolicy {

    private final MetadataStore store;
    private final RulesetCompiler compiler;
    private final InstalledPacks packs;
    private final ObjectProvider<ThresholdOverlay> overlays;
    private final Map<Long, Snapshot> snapshots = new ConcurrentHashMap<>();

    ActivePolicy(MetadataStore store, RulesetCompiler compiler, InstalledPacks packs,
            ObjectProvider<ThresholdOverlay> overlays) {
        this.store = store;
        this.compiler = compiler;
        this.packs = packs;
        this.overlays = overlays;
    }

    /**
     * The published rulesets of a tenant at one moment.
     *
     * @param rulesets compiled rulesets by document key, with the tenant's threshold values in force
     * @param models the compiled scoring sections by document key, for the rulesets that have one
     * @param versions the published version of each, by document key
     * @param documents the published documents, by key
     */
    public record Snapshot(Map<String, CompiledRuleset> rulesets, Map<String, RiskModel> models,
            Map<String, Integer> versions, Map<String, MetadataDocument> documents) {

        public Snapshot {
            rulesets = Map.copyOf(rulesets);
            models = Map.copyOf(models);
            versions = Map.copyOf(versions);
            documents = Map.copyOf(documents);
        }

        /** Returns the compiled scoring section of the ruleset published under {@code key}, or null without one. */
        public @Nullable RiskModel model(String key) {
            return models.get(key);
        }

        /**
         * Returns the compiled ruleset published under {@code key}.
         *
         * @throws MetadataNotFoundException when the tenant has not published it
         */
        public CompiledRuleset requireRuleset(String key) {
            CompiledRuleset compiled = rulesets.get(key);
            if (compiled == null) {
                throw new MetadataNotFoundException(MetadataKind.RULESET, key);
            }
            return compiled;
        }
    }

    /** Returns the tenant's current set, compiling it when a change dropped it. */
    public Snapshot snapshot(long tenantId) {
        return snapshots.computeIfAbsent(tenantId, this::load);
    }

    @EventListener
    void onPolicyChanged(PolicyChanged change) {
        snapshots.remove(change.tenantId());
    }

    private Snapshot load(long tenantId) {
        Map<String, MetadataDocument> documents = store.listPublished(tenantId, MetadataKind.RULESET).stream()
                .collect(Collectors.toMap(MetadataDocument::key, Function.identity()));
        Map<String, String> packOfRuleset = packOfRuleset(tenantId);

        Map<String, CompiledRuleset> rulesets = new HashMap<>();
        Map<String, RiskModel> models = new HashMap<>();
        for (MetadataDocument document : documents.values()) {
            CompiledRuleset compiled = compiler.load(document.reference(), document.body());
            JsonNode scoring = document.body().get("scoring");
            if (scoring != null && !scoring.isNull()) {
                // Compiled here, once per snapshot, rather than on each assessment: even with every expression
                // cached, compiling the hot-work section took about 170 µs, nine times the evaluation itself.
                models.put(document.key(), RiskModel.compile(document.reference(), scoring,
                        compiled.ruleset().variables(), compiler.expressions()));
            }
            String pack = packOfRuleset.get(document.key() + "@" + document.version());
            rulesets.put(document.key(), compiled.withThresholds(attributed(compiled.ruleset(),
                    pack == null ? ThresholdOrigin.Kind.DOCUMENT : ThresholdOrigin.Kind.PACK,
                    pack == null ? document.reference() : pack)));
        }

        Map<String, Ruleset> parsed = new LinkedHashMap<>();
        rulesets.forEach((key, compiled) -> parsed.put(key, compiled.ruleset()));
        for (ThresholdOverlay overlay : overlays) {
            overlay.overlay(tenantId, parsed).forEach((key, replaced) -> {
                CompiledRuleset compiled = rulesets.get(key);
                if (compiled != null && !replaced.isEmpty()) {
                    rulesets.put(key, compiled.withThresholds(replaced));
                }
            });
        }
        return new Snapshot(rulesets, models, documents.values().stream().collect(Collectors.toMap(
                MetadataDocument::key, MetadataDocument::version)), documents);
    }

    /**
     * Returns {@code id@version} of the active pack that published each {@code rulesetKey@version}. NOTE: a pack
     * whose ruleset was already published unchanged (by a template) did not publish it, so that version keeps the
     * document origin.
     */
    private Map<String, String> packOfRuleset(long tenantId) {
        Map<String, String> packOf = new HashMap<>();
        for (InstalledPack pack : packs.list(tenantId)) {
            if (pack.status() != InstalledPack.Status.ACTIVE) {
                continue;
            }
            pack.publishedVersions().forEach((document, version) -> {
                String prefix = MetadataKind.RULESET.code() + ":";
                if (document.startsWith(prefix)) {
                    packOf.putIfAbsent(document.substring(prefix.length()) + "@" + version, pack.reference());
                }
            });
        }
        return packOf;
    }

    /**
     * Returns every threshold attributed to the pack or the published document version. The compiled ruleset may come
     * from the compiler's cache under another reference, so the document's own reference is set here.
     */
    private static Map<String, Threshold> attributed(Ruleset ruleset, ThresholdOrigin.Kind kind, String reference) {
        Map<String, Threshold> attributed = new LinkedHashMap<>();
        ruleset.thresholds().forEach((key, threshold) -> attributed.put(key, threshold.withOrigin(
                new ThresholdOrigin(kind, reference, threshold.source(), null, threshold.value()))));
        return attributed;
    }
}
