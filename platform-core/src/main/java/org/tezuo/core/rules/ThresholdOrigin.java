package org.tezuo.core.rules;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.tezuo.core.i18n.UserMessages;

/**
 * Where the value of a threshold in force comes from: the published ruleset document, the policy pack that
 * published it, or an enterprise override of the tenant.
 *
 * @param kind which of the three
 * @param reference the ruleset reference ({@code ruleset:hot-work@3}) or the pack ({@code gb30871-2022@1.0.0}),
 *        or for an override the enterprise document it cites, for example {@code 企业标准 Q/XXX 3.2}
 * @param clause the clause the document value comes from, also kept for an override
 * @param reason why the enterprise overrides the value, or null for a document value
 * @param documentValue the value the document sets, which an override replaces
 */
public record ThresholdOrigin(Kind kind, String reference, String clause, @Nullable String reason,
        Object documentValue) {

    private static final Pattern RULESET_REFERENCE = Pattern.compile("ruleset:[^@]+@(\\d+)");

    /** The kind of origin. */
    public enum Kind {
        /** The published ruleset document, edited in the tenant or by a template. */
        DOCUMENT,
        /** The published ruleset document as a policy pack published it. */
        PACK,
        /** An enterprise override of the tenant. */
        ENTERPRISE_OVERRIDE
    }

    /**
     * Returns what a reader is shown of a ruleset reference: the version of {@code ruleset:hot-work@3}, {@code 3},
     * as the key means nothing to a worker and the finding already names the work type; any other reference as is.
     */
    private String documentVersion() {
        Matcher matcher = RULESET_REFERENCE.matcher(reference);
        return matcher.matches() ? matcher.group(1) : reference;
    }

    /** Returns the origin as one phrase in {@code locale}, for example 政策包 gb30871-2022@1.0.0，GB 30871-2022 5.3.2. */
    public String describe(Locale locale) {
        return switch (kind) {
            case DOCUMENT -> UserMessages.render(InvalidExpressionException.BUNDLE, locale, "threshold.origin.document",
                    documentVersion(), clause);
            case PACK -> UserMessages.render(InvalidExpressionException.BUNDLE, locale, "threshold.origin.pack",
                    reference, clause);
            case ENTERPRISE_OVERRIDE -> UserMessages.render(InvalidExpressionException.BUNDLE, locale,
                    "threshold.origin.override", reference, reason, RuleValueFormatter.format(documentValue, locale), clause);
        };
    }
}
