package org.tezuo.app.permit;

import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tezuo.app.api.NotFoundException;
import org.tezuo.core.audit.AuditLog;
import org.tezuo.core.i18n.LocalizedException;

/**
 * The QR e-permit: the public link of an issued permit, which carries only an unguessable token, and its
 * revocation. A revoked or unknown token shows nothing.
 */
@Component
public class EPermits {

    /** Path of the public page; the token follows it. */
    public static final String PATH = "/e-permit/";

    private final PermitStore permits;
    private final AuditLog audit;
    private final String publicBaseUrl;

    /**
     * @param publicBaseUrl the address phones reach the app at (property {@code tezuo.public-base-url}, for example
     *     https://tezuo.example.com); empty to use the address of the request that shows the QR code
     */
    EPermits(PermitStore permits, AuditLog audit,
            @org.springframework.beans.factory.annotation.Value("${tezuo.public-base-url:}") String publicBaseUrl) {
        this.permits = permits;
        this.audit = audit;
        this.publicBaseUrl = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1)
                : publicBaseUrl;
    }

    /** Returns the issued, unrevoked permit of a token; anything else is empty. */
    public Optional<Permit> byToken(String token) {
        if (token.length() < 32) {
            return Optional.empty();
        }
        return permits.findByQrToken(token)
                .filter(permit -> permit.status() == PermitStatus.ISSUED && !permit.qrRevoked());
    }

    /**
     * Returns the public URL of a permit's QR page: under the configured public base URL, or else under
     * {@code requestBaseUrl} (for example http://host:8080).
     */
    public String url(String requestBaseUrl, Permit permit) {
        if (permit.qrToken() == null) {
            throw new LocalizedException("permit.notIssued", permit.id());
        }
        return (publicBaseUrl.isEmpty() ? requestBaseUrl : publicBaseUrl) + PATH + permit.qrToken();
    }

    /** Revokes the QR link of a permit; the page then shows nothing. */
    @Transactional
    public void revoke(Actor actor, long permitId) {
        Permit permit = permits.find(actor.tenantId(), permitId)
                .orElseThrow(() -> new NotFoundException("作业票", permitId));
        if (permit.qrToken() == null) {
            throw new LocalizedException("permit.notIssued", permitId);
        }
        permits.setQrRevoked(actor.tenantId(), permitId, true);
        audit.append(actor.tenantId(), actor.username(), "permit.qr-revoke", "permit", String.valueOf(permitId),
                Map.of("qrRevoked", permit.qrRevoked()), Map.of("qrRevoked", true));
    }
}
