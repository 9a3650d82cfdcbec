package org.tezuo.app.permit.evidence;

import java.util.Locale;
import java.util.Optional;

/** Kind of a piece of evidence. Its lower-case code is how evidence declarations and the API name it. */
public enum EvidenceKind {
    /** 照片: kept as uploaded and as a watermarked copy. */
    PHOTO,
    /** 检测读数: a detector reading. */
    READING,
    /** 签名: an image of a handwritten signature. */
    SIGNATURE,
    /** 勾选确认: a tick by a user who has the declared role. */
    TICK;

    /** Returns the lower-case code, for example {@code photo}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Returns the kind of a code such as {@code photo}; empty for an unknown code. */
    public static Optional<EvidenceKind> ofCode(String code) {
        for (EvidenceKind kind : values()) {
            if (kind.code().equals(code.strip().toLowerCase(Locale.ROOT))) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
