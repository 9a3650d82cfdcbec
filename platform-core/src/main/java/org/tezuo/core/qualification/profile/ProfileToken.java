package org.tezuo.core.qualification.profile;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The code of a person's QR badge.
 *
 * @param token 43 URL-safe Base64 characters (256 random bits), unique over all tenants
 * @param revokedAt when an administrator revoked the token; a revoked token opens nothing until it is regenerated
 */
public record ProfileToken(long personId, String token, String issuedBy, Instant issuedAt,
        @Nullable Instant revokedAt) {

    /** Returns whether scanning the token opens the profile page. */
    public boolean active() {
        return revokedAt == null;
    }
}
