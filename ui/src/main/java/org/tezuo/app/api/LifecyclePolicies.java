package org.tezuo.app.api;

import org.springframework.stereotype.Component;
import org.tezuo.core.metadata.MetadataStore;
import org.tezuo.core.qualification.LifecyclePolicy;
import org.tezuo.metadata.MetadataKind;
import tools.jackson.databind.JsonNode;

/** Reads a tenant's certificate lifecycle policy from its published "certificate-lifecycle" ruleset. */
@Component
class LifecyclePolicies {

    private final MetadataStore metadata;

    LifecyclePolicies(MetadataStore metadata) {
        this.metadata = metadata;
    }

    LifecyclePolicy of(long tenantId) {
        JsonNode thresholds = metadata.requirePublished(tenantId, MetadataKind.RULESET, "certificate-lifecycle")
                .body().path("thresholds");
        return new LifecyclePolicy(thresholds.path("reviewDueSoonDays").path("value").asInt(90),
                thresholds.path("anomalyLookbackDays").path("value").asInt(30));
    }
}
