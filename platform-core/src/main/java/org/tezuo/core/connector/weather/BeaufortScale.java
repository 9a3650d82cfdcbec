package org.tezuo.core.connector.weather;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Wind levels of GB/T 28591-2012 (风力等级). The band lower bounds are in m/s at 0.1 m/s resolution, so a speed
 * is rounded half up to 0.1 m/s before it is placed in a band.
 */
public final class BeaufortScale {

    /**
     * Lower bound in m/s of levels 1 to 17; level 0 is everything below 0.3 m/s.
     * NOTE: only levels 4 to 8 (5.5, 8.0, 10.8, 13.9, 17.2) were checked against a transcription of the standard.
     * The other bounds are the usual published Beaufort values.
     */
    private static final BigDecimal[] LOWER_BOUNDS = decimals("0.3", "1.6", "3.4", "5.5", "8.0", "10.8", "13.9",
            "17.2", "20.8", "24.5", "28.5", "32.7", "37.0", "41.5", "46.2", "51.0", "56.1");

    /** Provider text such as "5", "3-4", "5级" or "3～4级"; the last number is the highest level in the text. */
    private static final Pattern SCALE_TEXT = Pattern.compile("\\s*(\\d{1,2})(?:\\s*[-~～至]\\s*(\\d{1,2}))?\\s*级?\\s*");

    private static final int MAX_LEVEL = 17;

    private BeaufortScale() {
    }

    /** Returns the level for a mean wind speed in m/s. */
    public static int levelOf(BigDecimal metresPerSecond) {
        BigDecimal rounded = metresPerSecond.setScale(1, RoundingMode.HALF_UP);
        int level = 0;
        for (int index = 0; index < LOWER_BOUNDS.length; index++) {
            if (rounded.compareTo(LOWER_BOUNDS[index]) >= 0) {
                level = index + 1;
            }
        }
        return level;
    }

    /**
     * Parses a provider's wind-scale text and returns the highest level it names, or empty when the text is not
     * a level or a range of levels between 0 and 17.
     */
    public static OptionalInt parseLevel(String text) {
        Matcher matcher = SCALE_TEXT.matcher(text);
        if (!matcher.matches()) {
            return OptionalInt.empty();
        }
        int level = Integer.parseInt(matcher.group(matcher.group(2) == null ? 1 : 2));
        return level <= MAX_LEVEL ? OptionalInt.of(level) : OptionalInt.empty();
    }

    private static BigDecimal[] decimals(String... values) {
        BigDecimal[] result = new BigDecimal[values.length];
        for (int index = 0; index < values.length; index++) {
            result[index] = new BigDecimal(values[index]);
        }
        return result;
    }
}
