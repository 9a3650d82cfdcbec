package org.tezuo.core.pack;

/**
 * A detached signature over the canonical manifest.
 *
 * @param keyId id of the signing key, see {@link TrustedPackKeys#keyId}
 * @param algorithm {@code Ed25519} or {@code SHA256withRSA}
 * @param value the signature bytes, Base64
 */
public record PackSignature(String keyId, String algorithm, String value) {
}
