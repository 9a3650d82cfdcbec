package org.tezuo.core.pack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The public keys this installation trusts to sign policy packs: the built-in keys on the class path under
 * {@code org/tezuo/packs/keys/*.pem} (the key that signs the packs shipped in module policy-packs) plus every
 * {@code *.pem} file in the directory named by {@code tezuo.packs.trusted-keys}. A key is known by its id, the
 * first 16 hex digits of the SHA-256 of its encoded form.
 */
@Component
public class TrustedPackKeys {

    private static final Logger log = LoggerFactory.getLogger(TrustedPackKeys.class);
    static final String BUILT_IN = "classpath*:org/tezuo/packs/keys/*.pem";

    private final Map<String, PublicKey> keys = new LinkedHashMap<>();

    public TrustedPackKeys(@Value("${tezuo.packs.trusted-keys:}") String directory) {
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources(BUILT_IN)) {
                add(new String(resource.getContentAsByteArray(), StandardCharsets.US_ASCII),
                        String.valueOf(resource.getFilename()));
            }
            if (!directory.isBlank()) {
                try (Stream<Path> files = Files.list(Path.of(directory))) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".pem")).sorted().toList()) {
                        add(Files.readString(file, StandardCharsets.US_ASCII), file.toString());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Reading the trusted policy-pack keys from '" + directory
                    + "' failed; set tezuo.packs.trusted-keys to a readable directory of PEM files", e);
        }
        log.info("Trusting {} policy-pack signing keys: {}", keys.size(), keys.keySet());
    }

    /** Returns the trusted key with {@code keyId}. */
    public Optional<PublicKey> find(String keyId) {
        return Optional.ofNullable(keys.get(keyId));
    }

    /** Returns the id of a public key. */
    public static String keyId(PublicKey key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parses a PEM {@code PUBLIC KEY} (X.509 SubjectPublicKeyInfo) holding an Ed25519 or RSA key. */
    public static PublicKey parsePublicKey(String pem) {
        byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").strip());
        for (String algorithm : new String[] {"Ed25519", "RSA"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der));
            } catch (GeneralSecurityException tryNext) {
                // not a key of this algorithm
            }
        }
        throw new IllegalArgumentException("The PEM text is not an Ed25519 or RSA public key; export the key as an X.509 PUBLIC KEY");
    }

    private void add(String pem, String origin) {
        PublicKey key = parsePublicKey(pem);
        keys.put(keyId(key), key);
        log.debug("Trusted policy-pack key {} from {}", keyId(key), origin);
    }
}
