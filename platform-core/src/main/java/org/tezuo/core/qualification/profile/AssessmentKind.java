package org.tezuo.core.qualification.profile;

import java.util.Locale;
import org.tezuo.core.i18n.UserMessages;

/** Kind of an assessment record: a training session or a practical assessment. */
public enum AssessmentKind {
    /** 培训: a training session the person attended, such as the review training before a certificate review. */
    TRAINING,
    /** 实操考核: a practical assessment of the person's operation skills. */
    PRACTICAL;

    /** Returns the kind's display name in {@code locale}, such as 实操考核. */
    public String label(Locale locale) {
        return UserMessages.render(locale, "assessmentKind." + name());
    }
}
