package org.tezuo.core.pack;

import java.util.Arrays;
import java.util.Optional;
import org.tezuo.metadata.MetadataKind;

/**
 * Pack-only document kinds that change a published document of the tenant instead of replacing it. Their body
 * names the target by {@code target}; applying them produces the next version of that document.
 */
public enum PackDeltaKind {

    /** Adds fields (and their layout section) to a form. */
    FORM_FIELD_ADDITION("form-field-addition", MetadataKind.FORM),
    /** Adds or replaces nodes, such as a gate or an approver branch with its condition, in a flow. */
    FLOW_GATE_CHANGE("flow-gate-change", MetadataKind.FLOW),
    /** Adds or replaces thresholds, rules and certificate lifecycle versions in a ruleset. */
    RULESET_CHANGE("ruleset-change", MetadataKind.RULESET);

    private final String code;
    private final MetadataKind target;

    PackDeltaKind(String code, MetadataKind target) {
        this.code = code;
        this.target = target;
    }

    /** Returns the code used as {@code kind} in a pack manifest, for example {@code form-field-addition}. */
    public String code() {
        return code;
    }

    /** Returns the kind of the document the delta changes. */
    public MetadataKind target() {
        return target;
    }

    /** Returns the delta kind with {@code code}, if any. */
    public static Optional<PackDeltaKind> fromCode(String code) {
        return Arrays.stream(values()).filter(kind -> kind.code.equals(code)).findFirst();
    }

    /** Returns every code, comma separated, for messages. */
    public static String codes() {
        return String.join(", ", Arrays.stream(values()).map(PackDeltaKind::code).toList());
    }
}
