package org.tezuo.packs;

import java.util.List;
import java.util.Optional;

/** The ruleset documents bundled in this module, for templates that load them by id. */
public final class PolicyPackCatalog {

    /**
     * One bundled ruleset.
     *
     * @param id stable id, for example {@code gb30871-2022.hot-work}
     * @param resourcePath absolute class-path location of the JSON document
     */
    public record BundledRuleset(String id, String resourcePath) {
    }

    private static final List<BundledRuleset> RULESETS = List.of(
            new BundledRuleset("gb30871-2022.hot-work", "/org/tezuo/packs/gb30871-2022/hot-work.ruleset.json"),
            new BundledRuleset("gb30871-2022.confined-space",
                    "/org/tezuo/packs/gb30871-2022/confined-space.ruleset.json"),
            new BundledRuleset("gb30871-2022.blind-flange", "/org/tezuo/packs/gb30871-2022/blind-flange.ruleset.json"),
            new BundledRuleset("gb30871-2022.work-at-height",
                    "/org/tezuo/packs/gb30871-2022/work-at-height.ruleset.json"),
            new BundledRuleset("gb30871-2022.lifting", "/org/tezuo/packs/gb30871-2022/lifting.ruleset.json"),
            new BundledRuleset("gb30871-2022.temporary-electricity",
                    "/org/tezuo/packs/gb30871-2022/temporary-electricity.ruleset.json"),
            new BundledRuleset("gb30871-2022.excavation", "/org/tezuo/packs/gb30871-2022/excavation.ruleset.json"),
            new BundledRuleset("gb30871-2022.road-closure", "/org/tezuo/packs/gb30871-2022/road-closure.ruleset.json"),
            new BundledRuleset("special-operations.certificate-lifecycle",
                    "/org/tezuo/packs/special-operations/certificate-lifecycle.ruleset.json"));

    /**
     * One signed policy pack shipped in this module.
     *
     * @param id the pack id of its manifest
     * @param resourcePath absolute class-path location of its {@code pack.json}
     */
    public record BundledPack(String id, String resourcePath) {
    }

    private static final List<BundledPack> PACKS = List.of(
            new BundledPack("gb30871-2022", "/org/tezuo/packs/gb30871-2022/pack.json"),
            new BundledPack("mem-19-2026-training", "/org/tezuo/packs/mem-19-2026-training/pack.json"),
            new BundledPack("mem-13-confined-space", "/org/tezuo/packs/mem-13-confined-space/pack.json"));

    private PolicyPackCatalog() {
    }

    /** Returns the signed packs shipped in this module; see docs/architecture.md, "Policy packs", for signing. */
    public static List<BundledPack> packs() {
        return PACKS;
    }

    public static List<BundledRuleset> rulesets() {
        return RULESETS;
    }

    public static Optional<BundledRuleset> ruleset(String id) {
        return RULESETS.stream().filter(ruleset -> ruleset.id().equals(id)).findFirst();
    }
}
