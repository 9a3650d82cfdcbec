package org.tezuo.core.qualification;

import java.util.Arrays;
import java.util.Optional;

/** The regulatory system a certificate belongs to; each class has its own lifecycle rules. */
public enum CertificateClass {
    /** 特种作业操作证, issued under the emergency-management rules (30号令, from 2026-06-01 应急管理部令第19号). */
    SPECIAL_OPERATION("special-operation"),
    /** 特种设备作业人员证, issued under the market-regulation rules. */
    SPECIAL_EQUIPMENT("special-equipment");

    private final String code;

    CertificateClass(String code) {
        this.code = code;
    }

    /** Returns the code used in ruleset documents, such as {@code special-equipment}. */
    public String code() {
        return code;
    }

    /** Returns the class with this ruleset code, or empty when none has it. */
    public static Optional<CertificateClass> fromCode(String code) {
        return Arrays.stream(values()).filter(value -> value.code.equals(code)).findFirst();
    }
}
