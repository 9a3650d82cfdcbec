package org.tezuo.core.qualification.verification;

import org.springframework.stereotype.Component;
import org.tezuo.core.metadata.MetadataStore;
import org.tezuo.core.qualification.LifecyclePolicy;
import org.tezuo.metadata.MetadataDocument;
import org.tezuo.metadata.MetadataKind;

/** Reads a tenant's published certificate-lifecycle ruleset. */
@Component
public class LifecyclePolicyResolver {

    /** Key under which the certificate-lifecycle ruleset is published, as the special-operations pack ships it. */
    public static final String RULESET_KEY = "certificate-lifecycle";

    private final MetadataStore metadata;
    private final LifecyclePolicyParser parser = new LifecyclePolicyParser();

    public LifecyclePolicyResolver(MetadataStore metadata) {
        this.metadata = metadata;
    }

    /** Returns the newest published lifecycle ruleset or throws {@link LifecycleRulesetMissingException}. */
    public MetadataDocument requireRuleset(long tenantId) {
        return metadata.findPublished(tenantId, MetadataKind.RULESET, RULESET_KEY)
                .orElseThrow(() -> new LifecycleRulesetMissingException(RULESET_KEY));
    }

    /** Returns the newest published lifecycle ruleset, or empty when none is published. */
    public java.util.Optional<MetadataDocument> findRuleset(long tenantId) {
        return metadata.findPublished(tenantId, MetadataKind.RULESET, RULESET_KEY);
    }

    /** Returns the lifecycle values of the tenant's published ruleset, or empty when none is published. */
    public java.util.Optional<LifecyclePolicy> findPolicy(long tenantId) {
        return metadata.findPublished(tenantId, MetadataKind.RULESET, RULESET_KEY)
                .map(ruleset -> parser.parse(ruleset.reference(), ruleset.body()));
    }

    /** Returns the lifecycle values and dated rule versions of the tenant's published ruleset. */
    public LifecyclePolicy policyFor(long tenantId) {
        MetadataDocument ruleset = requireRuleset(tenantId);
        return parser.parse(ruleset.reference(), ruleset.body());
    }
}
