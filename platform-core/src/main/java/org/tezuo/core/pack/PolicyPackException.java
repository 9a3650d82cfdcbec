package org.tezuo.core.pack;

import java.util.List;
import org.tezuo.core.i18n.LocalizedException;

/** A pack operation refused with a reason the user can act on; nothing was stored. */
public class PolicyPackException extends LocalizedException {

    public PolicyPackException(String messageKey, Object... arguments) {
        super(PackMessages.CATALOGUE, messageKey, arguments);
    }

    /** A pack rejected for the listed problems. */
    public static final class Rejected extends PolicyPackException {

        private final List<PackProblem> problems;

        public Rejected(List<PackProblem> problems) {
            super("pack.rejected", problems.size(),
                    String.join("；", problems.stream().map(p -> p.where() + "：" + p.message()).toList()));
            this.problems = List.copyOf(problems);
        }

        public List<PackProblem> problems() {
            return problems;
        }
    }
}
