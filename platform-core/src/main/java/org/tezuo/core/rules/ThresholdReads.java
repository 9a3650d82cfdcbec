package org.tezuo.core.rules;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Finds the thresholds an expression or message template reads as {@code thresholds.<name>}. */
public final class ThresholdReads {

    private static final Pattern THRESHOLD_READ = Pattern.compile("\\bthresholds\\.([A-Za-z_][A-Za-z0-9_]*)");

    private ThresholdReads() {
    }

    /** Returns the names read in {@code text} in the order they first appear; empty for null text. */
    public static Set<String> in(@Nullable String text) {
        Set<String> names = new LinkedHashSet<>();
        if (text == null) {
            return names;
        }
        Matcher read = THRESHOLD_READ.matcher(text);
        while (read.find()) {
            names.add(read.group(1));
        }
        return names;
    }
}
