package org.tezuo.app.permit.evidence;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tezuo.app.permit.Actor;
import org.tezuo.app.permit.Permit;
import org.tezuo.app.permit.RiskEvidenceSealer;
import org.tezuo.core.audit.AuditLog;
import org.tezuo.core.i18n.LocalizedException;

/**
 * Appends seals to a permit's chain. The permit's row is locked while the chain head is read and extended, so
 * concurrent confirmations of one permit take consecutive positions. Each seal is also written to the audit log,
 * whose own chain keeps the seal hashes.
 */
@Component
class EvidenceSealer implements RiskEvidenceSealer {

    private final EvidenceStore store;
    private final AuditLog audit;
    private final Clock clock;

    EvidenceSealer(EvidenceStore store, AuditLog audit, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void seal(Actor actor, Permit permit, String riskItemCode, List<Long> evidenceIds) {
        List<PermitEvidence> evidence = evidenceIds.stream()
                .map(id -> store.find(actor.tenantId(), id)
                        .filter(found -> found.permitId() == permit.id())
                        .orElseThrow(() -> new LocalizedException("evidence.notOfPermit", id, name(permit))))
                .toList();

        store.lockPermit(actor.tenantId(), permit.id());
        List<EvidenceSeal> chain = store.seals(actor.tenantId(), permit.id());
        int seq = chain.size();
        String prevHash = chain.isEmpty() ? SealChain.GENESIS : chain.getLast().sealHash();
        Instant now = SealChain.storedInstant(clock.instant());
        for (PermitEvidence item : evidence) {
            seq++;
            String hash = SealChain.sealHash(actor.tenantId(), permit.id(), seq, prevHash, riskItemCode, item.id(),
                    item.kind(), item.fileId(), item.sha256(), actor.username(), now);
            store.insertSeal(new EvidenceSeal(0, actor.tenantId(), permit.id(), seq, riskItemCode, item.id(),
                    item.kind(), item.fileId(), item.sha256(), actor.username(), now, prevHash, hash));
            audit.append(actor.tenantId(), actor.username(), "permit.evidence-seal", "permit",
                    String.valueOf(permit.id()), null, Map.of("seq", seq, "riskItem", riskItemCode,
                            "evidence", item.id(), "sealHash", hash));
            prevHash = hash;
        }
    }

    private static String name(Permit permit) {
        return permit.permitNumber() == null ? "#" + permit.id() : permit.permitNumber();
    }
}
