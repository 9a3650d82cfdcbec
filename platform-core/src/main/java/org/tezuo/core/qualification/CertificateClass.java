package org.tezuo.core.qualification;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.tezuo.core.i18n.UserMessages;

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

    /** Returns the class's display name in {@code locale}, such as 特种设备作业人员证. */
    public String label(Locale locale) {
        return UserMessages.render(locale, "certificateClass." + name());
    }

    /**
     * Returns the class whose Chinese name or ruleset code is {@code value}, or empty when none is. Ledger profiles
     * list the classes by their Chinese names.
     */
    public static Optional<CertificateClass> fromNameOrCode(String value) {
        return Arrays.stream(values())
                .filter(candidate -> candidate.label(UserMessages.DEFAULT_LOCALE).equals(value)
                        || candidate.code.equals(value))
                .findFirst();
    }

    /** Returns the class with this ruleset code, or empty when none has it. */
    public static Optional<CertificateClass> fromCode(String code) {
        return Arrays.stream(values()).filter(value -> value.code.equals(code)).findFirst();
    }
}
