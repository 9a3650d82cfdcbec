package org.tezuo.core.pack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.function.Consumer;
import org.tezuo.metadata.DocumentChecksum;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Builds signed policy packs with a key made for the test run, and a trusted-keys directory holding its half. */
final class PackFixture {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final KeyPair TRUSTED = generate();
    static final KeyPair STRANGER = generate();
    static final Path TRUSTED_DIRECTORY = trustedDirectory();

    private PackFixture() {
    }

    static String ruleset(int maxLevel) {
        return """
                {"name": {"zh": "风力规则"}, "variables": ["level"],
                 "thresholds": {"maxLevel": {"value": %d, "unit": "级", "source": "GB 30871-2022 5.2.15"}},
                 "rules": [{"id": "wind.level", "severity": "block", "when": "level > thresholds.maxLevel",
                            "value": "level", "limit": "thresholds.maxLevel", "unit": "级",
                            "message": {"zh": "风力 {value} 级超过 {limit} 级"}, "source": "GB 30871-2022 5.2.15"}]}"""
                .formatted(maxLevel);
    }

    /** Builds a pack with one ruleset {@code wind}, signed by the trusted key after {@code edit} changed it. */
    static ObjectNode pack(String version, String effectiveFrom, String rulesetBody, Consumer<ObjectNode> edit) {
        JsonNode body = JSON.readTree(rulesetBody);
        ObjectNode root = JSON.createObjectNode();
        root.put("format", PolicyPackReader.FORMAT);
        root.put("formatVersion", PolicyPackReader.FORMAT_VERSION);
        ObjectNode manifest = root.putObject("manifest");
        manifest.put("id", "gb30871-wind");
        manifest.putObject("name").put("zh", "风力停工规则").put("en", "Wind stop rules");
        manifest.put("regulation", "GB 30871-2022");
        manifest.put("version", version);
        manifest.put("effectiveFrom", effectiveFrom);
        manifest.putArray("documents").addObject().put("kind", "ruleset").put("key", "wind")
                .put("checksum", DocumentChecksum.of(body)).put("source", "GB 30871-2022 5.2.15");
        root.putArray("documents").addObject().put("kind", "ruleset").put("key", "wind").set("body", body);
        edit.accept(root);
        sign(root, TRUSTED);
        return root;
    }

    static void sign(ObjectNode root, KeyPair keys) {
        PackSignature signature = PackSigner.sign(root.path("manifest"), keys.getPrivate(),
                TrustedPackKeys.keyId(keys.getPublic()));
        root.putObject("signature").put("keyId", signature.keyId()).put("algorithm", signature.algorithm())
                .put("value", signature.value());
    }

    static byte[] bytes(JsonNode pack) {
        return JSON.writeValueAsBytes(pack);
    }

    private static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path trustedDirectory() {
        try {
            Path directory = Files.createTempDirectory("tezuo-trusted-keys");
            Files.writeString(directory.resolve("test.pem"), "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder().encodeToString(TRUSTED.getPublic().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n");
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
