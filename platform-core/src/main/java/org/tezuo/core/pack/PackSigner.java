package org.tezuo.core.pack;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Signs and verifies the canonical form of a manifest (UTF-8 JSON with object keys sorted) with the JDK's
 * {@code Ed25519} or {@code SHA256withRSA}.
 */
public final class PackSigner {

    private static final JsonMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private PackSigner() {
    }

    /** Returns the bytes a signature covers. */
    public static byte[] canonical(JsonNode manifest) {
        return CANONICAL.writeValueAsString(CANONICAL.treeToValue(manifest, Object.class))
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Returns the signature algorithm for a key: {@code Ed25519} or {@code SHA256withRSA}. */
    public static String algorithmFor(Key key) {
        return switch (key.getAlgorithm()) {
            case "EdDSA", "Ed25519" -> "Ed25519";
            case "RSA" -> "SHA256withRSA";
            default -> throw new IllegalArgumentException("Unsupported pack signing key algorithm "
                    + key.getAlgorithm() + "; use an Ed25519 or RSA key");
        };
    }

    /** Signs {@code manifest} with {@code key}. */
    public static PackSignature sign(JsonNode manifest, PrivateKey key, String keyId) {
        try {
            String algorithm = algorithmFor(key);
            Signature signature = Signature.getInstance(algorithm);
            signature.initSign(key);
            signature.update(canonical(manifest));
            return new PackSignature(keyId, algorithm, Base64.getEncoder().encodeToString(signature.sign()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Signing the pack manifest failed", e);
        }
    }

    /** Returns whether {@code signature} is a valid signature of {@code manifest} by {@code key}. */
    public static boolean verify(JsonNode manifest, PackSignature signature, PublicKey key) {
        try {
            String algorithm = algorithmFor(key);
            if (!algorithm.equals(signature.algorithm())) {
                return false;
            }
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(key);
            verifier.update(canonical(manifest));
            return verifier.verify(Base64.getDecoder().decode(signature.value()));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
