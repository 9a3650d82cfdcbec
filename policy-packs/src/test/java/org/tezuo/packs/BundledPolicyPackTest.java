package org.tezuo.packs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.tezuo.core.pack.PackIntegrity;
import org.tezuo.core.pack.PackProblem;
import org.tezuo.core.pack.PolicyPackReader;
import org.tezuo.core.pack.TrustedPackKeys;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks that every shipped pack is intact and signed by the built-in key. When this fails after a ruleset was
 * edited, sign the pack again as docs/architecture.md, "Policy packs", describes.
 */
class BundledPolicyPackTest {

    static final java.util.List<PolicyPackCatalog.BundledPack> PACKS = PolicyPackCatalog.packs();

    @ParameterizedTest
    @FieldSource("PACKS")
    @DisplayName("A shipped pack is signed by the built-in key and its checksums match its rulesets")
    void shippedPackVerifies(PolicyPackCatalog.BundledPack bundled) {
        PolicyPackReader.Result read = new PolicyPackReader(JsonMapper.builder().build(), Locale.SIMPLIFIED_CHINESE)
                .readResource(bundled.resourcePath());

        assertThat(read.problems()).extracting(PackProblem::message).isEmpty();
        assertThat(read.pack().manifest().id()).isEqualTo(bundled.id());
        assertThat(PackIntegrity.check(read.pack(), new TrustedPackKeys(""), Locale.SIMPLIFIED_CHINESE))
                .extracting(PackProblem::message).isEmpty();
        assertThat(read.pack().bodies()).hasSize(read.pack().manifest().documents().size());
    }
}
