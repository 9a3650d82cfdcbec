package org.tezuo.core.qualification.profile;

import java.util.Locale;
import org.tezuo.core.i18n.UserMessages;

/** Outcome of an assessment record. */
public enum AssessmentResult {
    /** 合格. */
    PASSED,
    /** 不合格. */
    FAILED,
    /** 已参加: attendance of a training without an examination. */
    ATTENDED;

    /** Returns the result's display name in {@code locale}, such as 合格. */
    public String label(Locale locale) {
        return UserMessages.render(locale, "assessmentResult." + name());
    }
}
