package org.tezuo.core.standard;

import java.util.List;
import org.tezuo.core.i18n.LocalizedException;
import org.tezuo.core.i18n.MessageBundle;

/** A standards operation rejected with a reason the user can act on; nothing was stored. */
public class StandardsException extends LocalizedException {

    static final String BUNDLE = "org.tezuo.core.standard.messages";

    public StandardsException(String messageKey, Object... arguments) {
        super(new MessageBundle(BUNDLE), messageKey, arguments);
    }

    /** The threshold or ruleset is not published in the caller's tenant. */
    public static final class NotFound extends StandardsException {

        public NotFound(String rulesetKey, String threshold) {
            super("standards.thresholdNotFound", rulesetKey, threshold);
        }
    }

    /** An override rejected for the listed problems, each already in the user's language. */
    public static final class Rejected extends StandardsException {

        private final List<String> problems;

        public Rejected(String rulesetKey, String threshold, List<String> problems) {
            super("standards.overrideRejected", rulesetKey, threshold, problems.size(), String.join("；", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }
}
