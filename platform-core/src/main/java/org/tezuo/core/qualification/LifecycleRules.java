package org.tezuo.core.qualification;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The lifecycle rule versions of every certificate class, as a tenant's ruleset publishes them. */
public record LifecycleRules(List<LifecycleRule> versions) {

    /** Rules of a ruleset that has no {@code lifecycleRules} section. */
    public static final LifecycleRules NONE = new LifecycleRules(List.of());

    public LifecycleRules {
        versions = List.copyOf(versions);
    }

    /** Returns the version for {@code certificateClass} in force on {@code date}, or empty when none is. */
    public Optional<LifecycleRule> ruleOn(CertificateClass certificateClass, LocalDate date) {
        return versions.stream()
                .filter(rule -> rule.certificateClass() == certificateClass && rule.appliesOn(date))
                .findFirst();
    }
}
