package org.tezuo.core.audit;

import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.tezuo.core.i18n.UserMessages;

/**
 * One place where a tenant's audit chain does not hold.
 *
 * @param kind what is wrong
 * @param id the audit record's database id, or null when the record itself is gone
 * @param chainSeq the chain position concerned
 */
public record AuditChainProblem(Kind kind, @Nullable Long id, long chainSeq) {

    /** The ways a chain can break, each with the change that causes it. */
    public enum Kind {
        /** A field of the record no longer matches its hash: the record was edited. */
        EDITED,
        /** The record's previous hash is not the hash of the record before it: records were swapped or replaced. */
        LINK_BROKEN,
        /** Chain positions are missing before this record: records were deleted. */
        MISSING,
        /** A record written after the chain started has no chain position: its chain columns were cleared. */
        UNCHAINED,
        /** The chain head names a later position or another hash than the newest record: the newest were deleted. */
        HEAD_MISMATCH
    }

    /** Returns the problem as a sentence for an administrator. */
    public String message(Locale locale) {
        return UserMessages.render(locale, "audit.chain." + kind.name(), id == null ? "-" : id.toString(),
                Long.toString(chainSeq));
    }
}
