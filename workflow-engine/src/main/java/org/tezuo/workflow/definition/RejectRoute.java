package org.tezuo.workflow.definition;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The target of a rejection, a failed gate or a missed pass ratio.
 *
 * @param to the kind of target
 * @param node the earlier node to go back to, set exactly when {@code to} is {@link Target#NODE}
 */
public record RejectRoute(Target to, @Nullable String node) {

    /** Ends the application as rejected. */
    public static final RejectRoute END = new RejectRoute(Target.END, null);
    /** Returns the application to the applicant for resubmission. */
    public static final RejectRoute APPLICANT = new RejectRoute(Target.APPLICANT, null);

    public RejectRoute {
        Objects.requireNonNull(to, "to");
        if ((to == Target.NODE) != (node != null)) {
            throw new IllegalArgumentException("A reject route names a node exactly when it goes to one");
        }
    }

    /** The kinds of target. */
    public enum Target {
        END("end"), APPLICANT("applicant"), NODE("node");

        private final String code;

        Target(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        static Target fromCode(String code) {
            for (Target target : values()) {
                if (target.code.equals(code)) {
                    return target;
                }
            }
            throw new IllegalArgumentException("Unknown reject route '" + code + "'");
        }
    }
}
