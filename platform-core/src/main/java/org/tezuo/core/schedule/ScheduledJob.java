package org.tezuo.core.schedule;

import java.util.Arrays;

/** Jobs a schedule document can start, by its {@code job} value. */
public enum ScheduledJob {
    /** Verifies every certificate against the registry, then runs the warning pass. */
    CERTIFICATE_VERIFICATION("certificate-verification"),
    /** Runs the warning pass only. */
    CERTIFICATE_WARNINGS("certificate-warnings");

    private final String code;

    ScheduledJob(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static ScheduledJob fromCode(String code) {
        return Arrays.stream(values()).filter(job -> job.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown scheduled job: " + code));
    }
}
