package org.tezuo.core.qualification.profile;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tezuo.core.qualification.CertificateState;
import org.tezuo.core.qualification.RegistryResult;

/** Reads the registry checks that the verification feature recorded for a certificate, newest first. */
@Component
public class RegistryCheckHistory {

    /** Checks listed per certificate; older ones stay in the database and the verification reports. */
    public static final int MAX_CHECKS = 20;

    private final JdbcClient jdbc;

    public RegistryCheckHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One registry check of a certificate.
     *
     * @param detail the differences or the error the check found, as text; null when there was none
     */
    public record Check(Instant checkedAt, RegistryResult result, CertificateState stateBefore,
            CertificateState stateAfter, @Nullable String detail) {
    }

    /** Returns the latest {@link #MAX_CHECKS} checks of a certificate of the tenant, newest first. */
    public List<Check> checksOf(long tenantId, long certificateId) {
        return jdbc.sql("""
                select checked_at, result, state_before, state_after, detail from verification_check
                where tenant_id = ? and certificate_id = ? order by checked_at desc, id desc limit ?""")
                .params(tenantId, certificateId, MAX_CHECKS)
                .query((rs, row) -> new Check(rs.getTimestamp("checked_at").toInstant(),
                        RegistryResult.valueOf(rs.getString("result")),
                        CertificateState.valueOf(rs.getString("state_before")),
                        CertificateState.valueOf(rs.getString("state_after")), rs.getString("detail")))
                .list();
    }
}
