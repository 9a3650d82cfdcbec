package org.tezuo.core.pack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import org.tezuo.metadata.DocumentChecksum;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Run by hand to sign policy packs; see docs/architecture.md, "Policy packs".
 *
 * <pre>
 * keygen DIR                 writes DIR/pack-signing.key (private, keep it out of git) and DIR/pack-signing.pem
 * sign PACK.json KEY.pem     fills in the checksum of every document the manifest names by resource (relative to
 *                            the pack file), then signs the manifest and writes the signature into the pack file
 * </pre>
 */
public final class PackSigningTool {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private PackSigningTool() {
    }

    public static void main(String[] args) throws IOException, GeneralSecurityException {
        if (args.length == 2 && args[0].equals("keygen")) {
            keygen(Path.of(args[1]));
        } else if (args.length == 3 && args[0].equals("sign")) {
            sign(Path.of(args[1]), Path.of(args[2]));
        } else {
            System.err.println("Usage: PackSigningTool keygen DIR | sign PACK.json PRIVATE-KEY.pem");
            System.exit(2);
        }
    }

    private static void keygen(Path directory) throws IOException, GeneralSecurityException {
        KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("pack-signing.key"), pem("PRIVATE KEY", keys.getPrivate().getEncoded()));
        Files.writeString(directory.resolve("pack-signing.pem"), pem("PUBLIC KEY", keys.getPublic().getEncoded()));
        System.out.println("Key id " + TrustedPackKeys.keyId(keys.getPublic()));
    }

    private static void sign(Path packFile, Path privateKeyFile) throws IOException, GeneralSecurityException {
        ObjectNode pack = (ObjectNode) JSON.readTree(packFile.toFile());
        for (JsonNode entry : pack.path("manifest").path("documents")) {
            String resource = entry.path("resource").asString("");
            if (!resource.isEmpty()) {
                JsonNode body = JSON.readTree(packFile.resolveSibling(resource).toFile());
                ((ObjectNode) entry).put("checksum", DocumentChecksum.of(body));
            }
        }
        byte[] der = Base64.getMimeDecoder().decode(Files.readString(privateKeyFile)
                .replaceAll("-----[A-Z ]+-----", "").strip());
        PrivateKey key = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der));
        PublicKey publicKey = TrustedPackKeys.parsePublicKey(Files.readString(
                privateKeyFile.resolveSibling("pack-signing.pem")));
        PackSignature signature = PackSigner.sign(pack.path("manifest"), key, TrustedPackKeys.keyId(publicKey));
        pack.putObject("signature").put("keyId", signature.keyId()).put("algorithm", signature.algorithm())
                .put("value", signature.value());
        Files.writeString(packFile, JSON.writeValueAsString(pack) + "\n");
        System.out.println("Signed " + packFile + " with key " + signature.keyId());
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
