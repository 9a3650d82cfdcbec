package org.tezuo.app.permit.evidence;

import java.util.List;
import java.util.Locale;
import org.tezuo.core.i18n.UserMessages;

/**
 * The result of checking a permit's evidence: how many pieces of evidence and seals were checked, and every
 * problem found. No problems means the chain and all files are as sealed.
 */
public record EvidenceVerification(long permitId, int evidenceCount, int sealCount, List<Problem> problems) {

    public EvidenceVerification {
        problems = List.copyOf(problems);
    }

    public boolean intact() {
        return problems.isEmpty();
    }

    /** One finding: its message key in the core catalogue and the values the message names. */
    public record Problem(String messageKey, List<Object> arguments) {

        public Problem {
            arguments = List.copyOf(arguments);
        }

        public String message(Locale locale) {
            return UserMessages.render(locale, messageKey, arguments.toArray());
        }
    }
}
