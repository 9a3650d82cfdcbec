package org.tezuo.core.pack;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.tezuo.core.metadata.MetadataStore;
import org.tezuo.core.rules.CompiledRuleset;
import org.tezuo.core.rules.RulesetCompiler;
import org.tezuo.metadata.MetadataDocument;
import org.tezuo.metadata.MetadataKind;

/**
 * The compiled rulesets each tenant has published, held as one immutable set per tenant. A policy change on any
 * node drops the tenant's set. The next evaluation compiles the new set and swaps it in whole, so an evaluation
 * that took a set evaluates the old rules or the new ones, never a mix.
 */
@Component
public class ActivePolicy {

    private final MetadataStore store;
    private final RulesetCompiler compiler;
    private final Map<Long, Snapshot> snapshots = new ConcurrentHashMap<>();

    ActivePolicy(MetadataStore store, RulesetCompiler compiler) {
        this.store = store;
        this.compiler = compiler;
    }

    /**
     * The published rulesets of a tenant at one moment.
     *
     * @param rulesets compiled rulesets by document key
     * @param versions the published version of each, by document key
     */
    public record Snapshot(Map<String, CompiledRuleset> rulesets, Map<String, Integer> versions) {

        public Snapshot {
            rulesets = Map.copyOf(rulesets);
            versions = Map.copyOf(versions);
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
        return new Snapshot(
                documents.values().stream().collect(Collectors.toMap(MetadataDocument::key,
                        document -> compiler.load(document.reference(), document.body()))),
                documents.values().stream().collect(Collectors.toMap(MetadataDocument::key,
                        MetadataDocument::version)));
    }
}
