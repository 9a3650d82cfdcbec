package org.tezuo.app.permit.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.tezuo.core.file.FileStore;
import org.tezuo.core.file.StoredFile;

/**
 * Checks a permit's evidence: recomputes every seal hash and its link to the seal before, compares each seal with
 * the evidence it cites, and reads every file again to compare its SHA-256 with the recorded one.
 *
 * <p>NOTE: deleting the newest seals leaves a shorter chain that still links up. The audit log, whose own chain
 * records every seal hash, shows such a loss, and this check does not compare against it.
 */
@Component
public class EvidenceVerifier {

    private static final Logger LOG = LoggerFactory.getLogger(EvidenceVerifier.class);

    private final EvidenceStore store;
    private final FileStore files;

    public EvidenceVerifier(EvidenceStore store, FileStore files) {
        this.store = store;
        this.files = files;
    }

    /** Checks the evidence of one permit of the tenant. */
    public EvidenceVerification verify(long tenantId, long permitId) {
        List<PermitEvidence> evidence = store.evidence(tenantId, permitId);
        List<EvidenceSeal> seals = store.seals(tenantId, permitId);
        List<EvidenceVerification.Problem> problems = new ArrayList<>();

        checkChain(seals, evidence, problems);
        for (PermitEvidence item : evidence) {
            checkEvidence(tenantId, item, problems);
        }
        EvidenceVerification result = new EvidenceVerification(permitId, evidence.size(), seals.size(), problems);
        LOG.debug("Verified evidence of permit {} of tenant {}: {} problems", permitId, tenantId, problems.size());
        return result;
    }

    private static void checkChain(List<EvidenceSeal> seals, List<PermitEvidence> evidence,
            List<EvidenceVerification.Problem> problems) {
        Map<Long, PermitEvidence> byId = evidence.stream()
                .collect(Collectors.toMap(PermitEvidence::id, Function.identity()));
        String prevHash = SealChain.GENESIS;
        int expectedSeq = 1;
        for (EvidenceSeal seal : seals) {
            if (seal.seq() != expectedSeq) {
                problems.add(problem("evidence.problem.sealGap", expectedSeq, seal.seq()));
            }
            if (!seal.prevHash().equals(prevHash)) {
                problems.add(problem("evidence.problem.sealLink", seal.seq(), seal.seq() - 1));
            }
            String recomputed = SealChain.sealHash(seal.tenantId(), seal.permitId(), seal.seq(), seal.prevHash(),
                    seal.riskItemCode(), seal.evidenceId(), seal.evidenceKind(), seal.fileId(), seal.sha256(),
                    seal.sealedBy(), seal.sealedAt());
            if (!recomputed.equals(seal.sealHash())) {
                problems.add(problem("evidence.problem.sealEdited", seal.seq(), seal.riskItemCode()));
            }
            PermitEvidence cited = byId.get(seal.evidenceId());
            if (cited == null) {
                problems.add(problem("evidence.problem.evidenceMissing", seal.seq(), seal.evidenceId()));
            } else if (!cited.sha256().equals(seal.sha256()) || !java.util.Objects.equals(cited.fileId(), seal.fileId())) {
                problems.add(problem("evidence.problem.evidenceEdited", cited.id(), cited.kind().code()));
            }
            prevHash = seal.sealHash();
            expectedSeq = seal.seq() + 1;
        }
    }

    private void checkEvidence(long tenantId, PermitEvidence item, List<EvidenceVerification.Problem> problems) {
        if (item.fileId() == null) {
            String actual = SealChain.sha256(item.content().getBytes(StandardCharsets.UTF_8));
            if (!actual.equals(item.sha256())) {
                problems.add(problem("evidence.problem.evidenceEdited", item.id(), item.kind().code()));
            }
            return;
        }
        checkFile(tenantId, item, item.fileId(), item.sha256(), problems);
        if (item.watermarkedFileId() != null && item.watermarkedSha256() != null) {
            checkFile(tenantId, item, item.watermarkedFileId(), item.watermarkedSha256(), problems);
        }
    }

    private void checkFile(long tenantId, PermitEvidence item, String fileId, String expected,
            List<EvidenceVerification.Problem> problems) {
        Optional<StoredFile> file = files.find(tenantId, fileId);
        @Nullable String actual = file.flatMap(this::hashOf).orElse(null);
        if (actual == null) {
            problems.add(problem("evidence.problem.fileMissing", item.id(), fileId));
        } else if (!actual.equals(expected) || !file.get().sha256().equals(expected)) {
            problems.add(problem("evidence.problem.fileChanged", item.id(), fileId, expected, actual));
        }
    }

    /** Returns the SHA-256 of a file's content as it is on disk now; empty when the content is gone. */
    private Optional<String> hashOf(StoredFile file) {
        MessageDigest digest = SealChain.digest();
        try (InputStream in = files.open(file)) {
            byte[] buffer = new byte[64 * 1024];
            int read;
            while ((read = in.read(buffer)) != -1) {
                digest.update(buffer, 0, read);
            }
        } catch (java.nio.file.NoSuchFileException e) {
            LOG.warn("Content of file {} of tenant {} is missing", file.id(), file.tenantId());
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read file " + file.id() + " to verify it", e);
        }
        return Optional.of(HexFormat.of().formatHex(digest.digest()));
    }

    private static EvidenceVerification.Problem problem(String key, Object... arguments) {
        return new EvidenceVerification.Problem(key, List.of(arguments));
    }
}
