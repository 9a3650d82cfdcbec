package org.tezuo.core.pack;

import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.tezuo.metadata.DocumentChecksum;
import tools.jackson.databind.JsonNode;

/**
 * Checks that a pack is what its publisher signed: a signature by a trusted key over the manifest, and every
 * document present, listed and matching the manifest's checksum.
 */
public final class PackIntegrity {

    private PackIntegrity() {
    }

    /** Returns every integrity problem of {@code pack}; empty when it is intact and signed by a trusted key. */
    public static List<PackProblem> check(PolicyPack pack, TrustedPackKeys keys, Locale locale) {
        List<PackProblem> problems = new ArrayList<>(verifySignature(pack, keys, locale));
        problems.addAll(verifyContents(pack, locale));
        return problems;
    }

    private static List<PackProblem> verifySignature(PolicyPack pack, TrustedPackKeys keys, Locale locale) {
        PackSignature signature = pack.signature();
        if (signature == null || signature.value().isBlank()) {
            return List.of(PackMessages.problem(locale, PolicyPackReader.SIGNATURE, "pack.unsigned",
                    pack.manifest().reference()));
        }
        Optional<PublicKey> key = keys.find(signature.keyId());
        if (key.isEmpty()) {
            return List.of(PackMessages.problem(locale, PolicyPackReader.SIGNATURE, "pack.untrustedKey",
                    signature.keyId()));
        }
        if (!PackSigner.verify(pack.manifestJson(), signature, key.get())) {
            return List.of(PackMessages.problem(locale, PolicyPackReader.SIGNATURE, "pack.badSignature",
                    pack.manifest().reference(), signature.keyId()));
        }
        return List.of();
    }

    private static List<PackProblem> verifyContents(PolicyPack pack, Locale locale) {
        List<PackProblem> problems = new ArrayList<>();
        Set<String> listed = pack.manifest().documents().stream().map(PolicyPackManifest.Entry::reference)
                .collect(Collectors.toSet());
        for (PolicyPackManifest.Entry entry : pack.manifest().documents()) {
            JsonNode body = pack.bodies().get(entry.reference());
            if (body == null || !body.isObject()) {
                problems.add(PackMessages.problem(locale, entry.reference(), "pack.documentMissing",
                        entry.reference()));
            } else if (!DocumentChecksum.of(body).equals(entry.checksum())) {
                problems.add(PackMessages.problem(locale, entry.reference(), "pack.checksum", entry.reference(),
                        entry.checksum(), DocumentChecksum.of(body)));
            }
        }
        pack.bodies().keySet().stream().filter(reference -> !listed.contains(reference)).forEach(reference ->
                problems.add(PackMessages.problem(locale, reference, "pack.documentUnlisted", reference)));
        return problems;
    }
}
