package org.tezuo.core.pack;

import java.util.Optional;
import org.springframework.stereotype.Component;
import org.tezuo.metadata.MetadataDocument;
import org.tezuo.core.metadata.PublicationStep;
import org.tezuo.metadata.MetadataKind;

/**
 * Raises the policy signal whenever a ruleset is published, whether by a pack, the designer, a bundle import or a
 * template, so that {@link ActivePolicy} on every node drops the tenant's compiled rulesets when the publication
 * commits.
 */
@Component
class RulesetPublicationSignal implements PublicationStep {

    private final PolicyChangeSignal signal;

    RulesetPublicationSignal(PolicyChangeSignal signal) {
        this.signal = signal;
    }

    @Override
    public boolean appliesTo(MetadataDocument draft) {
        return draft.kind() == MetadataKind.RULESET;
    }

    @Override
    public void beforePublish(MetadataDocument draft, Optional<MetadataDocument> previous) {
        signal.raise(draft.tenantId());
    }
}
