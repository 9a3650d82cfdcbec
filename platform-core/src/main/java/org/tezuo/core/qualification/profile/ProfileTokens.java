package org.tezuo.core.qualification.profile;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tezuo.core.audit.AuditLog;
import org.tezuo.core.i18n.LocalizedException;
import org.tezuo.core.qualification.QualificationStore;

/**
 * Issues, regenerates, revokes and resolves the per-person badge tokens. A token resolves only within the tenant
 * that issued it, so a badge of another tenant opens nothing. Every change is written to the audit log without the
 * token itself.
 */
@Component
public class ProfileTokens {

    /** Shortest token that can be one of ours; shorter input is rejected without a query. */
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final JdbcClient jdbc;
    private final QualificationStore qualifications;
    private final AuditLog audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public ProfileTokens(JdbcClient jdbc, QualificationStore qualifications, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.qualifications = qualifications;
        this.audit = audit;
        this.clock = clock;
    }

    /** Finds the token of a person, active or revoked; empty when none was ever issued. */
    public Optional<ProfileToken> find(long tenantId, long personId) {
        return jdbc.sql("select * from person_profile_token where tenant_id = ? and person_id = ?")
                .params(tenantId, personId)
                .query(ProfileTokens::map)
                .optional();
    }

    /**
     * Returns the person's token, issuing one when the person has none yet. A revoked token is returned as it
     * is, so printing a badge never undoes a revocation.
     *
     * @throws LocalizedException when the person is not one of the tenant's
     */
    @Transactional
    public ProfileToken issue(long tenantId, long personId, String actor) {
        Optional<ProfileToken> existing = find(tenantId, personId);
        if (existing.isPresent()) {
            return existing.get();
        }
        requirePerson(tenantId, personId);
        Instant now = clock.instant();
        String token = newToken();
        jdbc.sql("""
                insert into person_profile_token (tenant_id, person_id, token, issued_by, issued_at)
                values (?, ?, ?, ?, ?)""")
                .params(tenantId, personId, token, actor, Timestamp.from(now))
                .update();
        audit.append(tenantId, actor, "person.profile-token-issue", "person", String.valueOf(personId), null,
                Map.of("issuedAt", now.toString()));
        return new ProfileToken(personId, token, actor, now, null);
    }

    /**
     * Replaces the person's token with a new one, which also lifts a revocation; badges printed before show
     * nothing from now on.
     *
     * @throws LocalizedException when the person is not one of the tenant's
     */
    @Transactional
    public ProfileToken regenerate(long tenantId, long personId, String actor) {
        requirePerson(tenantId, personId);
        Optional<ProfileToken> before = find(tenantId, personId);
        Instant now = clock.instant();
        String token = newToken();
        int updated = jdbc.sql("""
                update person_profile_token set token = ?, issued_by = ?, issued_at = ?, revoked_by = null,
                    revoked_at = null
                where tenant_id = ? and person_id = ?""")
                .params(token, actor, Timestamp.from(now), tenantId, personId)
                .update();
        if (updated == 0) {
            jdbc.sql("""
                    insert into person_profile_token (tenant_id, person_id, token, issued_by, issued_at)
                    values (?, ?, ?, ?, ?)""")
                    .params(tenantId, personId, token, actor, Timestamp.from(now))
                    .update();
        }
        audit.append(tenantId, actor, "person.profile-token-regenerate", "person", String.valueOf(personId),
                before.map(ProfileTokens::auditState).orElse(null), Map.of("issuedAt", now.toString()));
        return new ProfileToken(personId, token, actor, now, null);
    }

    /**
     * Revokes the person's token, so its badge opens nothing until an administrator regenerates it.
     *
     * @throws LocalizedException when the person has no token
     */
    @Transactional
    public void revoke(long tenantId, long personId, String actor) {
        ProfileToken token = find(tenantId, personId)
                .orElseThrow(() -> new LocalizedException("profile.tokenMissing", personId));
        if (!token.active()) {
            return;
        }
        Instant now = clock.instant();
        jdbc.sql("""
                update person_profile_token set revoked_by = ?, revoked_at = ?
                where tenant_id = ? and person_id = ? and revoked_at is null""")
                .params(actor, Timestamp.from(now), tenantId, personId)
                .update();
        audit.append(tenantId, actor, "person.profile-token-revoke", "person", String.valueOf(personId),
                auditState(token), Map.of("issuedAt", token.issuedAt().toString(), "revokedAt", now.toString()));
    }

    /**
     * Returns whether {@code token} has the form of a badge token: 43 characters of URL-safe Base64. A QR code
     * scanned only in part or a link cut off when copied fails this check.
     */
    public static boolean isWellFormed(String token) {
        return WELL_FORMED.matcher(token).matches();
    }

    /** Returns whether {@code token} is a revoked token of the tenant, as opposed to an unknown or foreign one. */
    public boolean isRevoked(long tenantId, String token) {
        return isWellFormed(token) && jdbc.sql("""
                select count(*) from person_profile_token
                where tenant_id = ? and token = ? and revoked_at is not null""")
                .params(tenantId, token)
                .query(Long.class)
                .single() > 0;
    }

    /** Returns the person an active token of the tenant opens; empty for unknown, revoked or foreign tokens. */
    public Optional<Long> personOf(long tenantId, String token) {
        if (!isWellFormed(token)) {
            return Optional.empty();
        }
        return jdbc.sql("""
                select person_id from person_profile_token
                where tenant_id = ? and token = ? and revoked_at is null""")
                .params(tenantId, token)
                .query(Long.class)
                .optional();
    }

    private void requirePerson(long tenantId, long personId) {
        if (qualifications.findPerson(tenantId, personId).isEmpty()) {
            throw new LocalizedException("profile.personNotFound", personId);
        }
    }

    /** Returns 32 random bytes as URL-safe Base64 without padding: 43 characters that are safe in paths. */
    private String newToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Describes a token for the audit log without the token, which would open the page to anyone reading it. */
    private static Map<String, Object> auditState(ProfileToken token) {
        return token.revokedAt() == null ? Map.of("issuedAt", token.issuedAt().toString())
                : Map.of("issuedAt", token.issuedAt().toString(), "revokedAt", token.revokedAt().toString());
    }

    private static ProfileToken map(ResultSet rs, int row) throws SQLException {
        Timestamp revoked = rs.getTimestamp("revoked_at");
        return new ProfileToken(rs.getLong("person_id"), rs.getString("token"), rs.getString("issued_by"),
                rs.getTimestamp("issued_at").toInstant(), revoked == null ? null : revoked.toInstant());
    }
}
