package org.tezuo.core.standard;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.tezuo.core.i18n.UserMessages;
import org.tezuo.core.rules.Threshold;
import org.tezuo.core.rules.ThresholdDirection;
import org.tezuo.core.rules.ThresholdRange;

/**
 * Checks an enterprise override against the threshold in force and lists every problem at once.
 *
 * <p>The policy: the value must parse for the type of the document value and the unit, lie in the unit's
 * physical range and in the threshold's {@code range}. A stricter value needs only reason and source. A looser value,
 * or any change of a threshold with no stricter side, needs an explicit confirmation. A threshold whose clause cites a
 * mandatory national or industry standard (GB or AQ, not GB/T) may never be set looser than the published value,
 * and one of those with no stricter side may not be overridden at all, because no enterprise rule relaxes a
 * mandatory standard.
 */
final class OverrideCheck {

    /** A mandatory standard: GB or AQ followed by a number, which excludes the recommended GB/T and AQ/T. */
    private static final Pattern MANDATORY_STANDARD = Pattern.compile("\\b(GB|AQ)\\s*\\d");
    private static final int MAX_REASON = 500;
    private static final int MAX_SOURCE = 200;
    private static final int MAX_TEXT_VALUE = 200;

    /** A checked override: the parsed value and how it compares with the value in force. */
    record Decision(Object value, ChangeKind change) {
    }

    private OverrideCheck() {
    }

    /** Returns true when {@code source} cites a mandatory national or industry standard. */
    static boolean mandatory(String source) {
        return MANDATORY_STANDARD.matcher(source).find();
    }

    /**
     * Checks {@code request} against {@code inForce}.
     *
     * @throws StandardsException.Rejected listing every problem
     */
    static Decision check(String rulesetKey, Threshold inForce, OverrideRequest request, Locale locale) {
        List<String> problems = new ArrayList<>();
        String label = inForce.label() == null ? inForce.key() : inForce.label().in(locale);
        if (blank(request.reason())) {
            problems.add(message(locale, "override.reasonMissing", label));
        } else if (request.reason().length() > MAX_REASON) {
            problems.add(message(locale, "override.reasonTooLong", request.reason().length(), MAX_REASON));
        }
        if (blank(request.source())) {
            problems.add(message(locale, "override.sourceMissing", label));
        } else if (request.source().length() > MAX_SOURCE) {
            problems.add(message(locale, "override.sourceTooLong", request.source().length(), MAX_SOURCE));
        }
        if (!blank(request.unit()) && !request.unit().strip().equals(inForce.unit())) {
            problems.add(message(locale, "override.unitMismatch", request.unit().strip(), label, inForce.unit()));
        }

        Object documentValue = inForce.origin().documentValue();
        Object value = parse(request.value(), documentValue, inForce, label, locale, problems);
        ChangeKind change = ChangeKind.UNDIRECTED;
        if (value != null) {
            if (equal(value, documentValue)) {
                problems.add(message(locale, "override.sameAsDocument", text(value), inForce.unit(), label));
            }
            if (value instanceof BigDecimal number) {
                checkRanges(number, inForce, label, locale, problems);
            }
            change = compare(value, inForce.value(), inForce.direction());
            checkRegulation(value, documentValue, inForce, label, locale, problems);
            if (change != ChangeKind.STRICTER && !request.looseningConfirmed() && !equal(value, inForce.value())) {
                problems.add(message(locale, change == ChangeKind.LOOSER ? "override.confirmLoosening"
                        : "override.confirmUndirected", text(value), inForce.unit(), text(inForce.value()), label));
            }
        }
        if (!problems.isEmpty()) {
            throw new StandardsException.Rejected(rulesetKey, inForce.key(), problems);
        }
        return new Decision(java.util.Objects.requireNonNull(value), change);
    }

    /** Returns how {@code value} compares with {@code before} for a threshold of {@code direction}. */
    static ChangeKind compare(Object value, Object before, ThresholdDirection direction) {
        if (!(value instanceof BigDecimal next) || !(before instanceof BigDecimal previous)
                || direction == ThresholdDirection.NONE) {
            return ChangeKind.UNDIRECTED;
        }
        int order = next.compareTo(previous);
        boolean stricter = direction == ThresholdDirection.MAX ? order <= 0 : order >= 0;
        return stricter ? ChangeKind.STRICTER : ChangeKind.LOOSER;
    }

    /**
     * Returns true when an override value of a mandatory threshold is looser than the document value, or changes one
     * with no stricter side, so that it must not be in force.
     */
    static boolean breaksRegulation(Object value, Object documentValue, Threshold threshold) {
        if (!mandatory(threshold.source()) || equal(value, documentValue)) {
            return false;
        }
        return compare(value, documentValue, threshold.direction()) != ChangeKind.STRICTER;
    }

    private static void checkRegulation(Object value, Object documentValue, Threshold inForce, String label,
            Locale locale, List<String> problems) {
        if (!breaksRegulation(value, documentValue, inForce)) {
            return;
        }
        ChangeKind change = compare(value, documentValue, inForce.direction());
        problems.add(message(locale, change == ChangeKind.LOOSER ? "override.pastRegulation"
                : "override.regulatoryUndirected", text(value), inForce.unit(), label, text(documentValue),
                inForce.source()));
    }

    private static void checkRanges(BigDecimal value, Threshold inForce, String label, Locale locale,
            List<String> problems) {
        PhysicalRange physical = PhysicalRange.of(inForce.unit()).orElse(null);
        if (physical != null && !physical.contains(value)) {
            problems.add(message(locale, physical.wholeNumbers() ? "override.outsidePhysicalWhole"
                    : "override.outsidePhysical", text(value), inForce.unit(), label, bound(physical.min(), locale),
                    bound(physical.max(), locale)));
        }
        ThresholdRange range = inForce.range();
        if (range != null && !range.contains(value)) {
            problems.add(message(locale, "override.outsideRange", text(value), inForce.unit(), label,
                    bound(range.min(), locale), bound(range.max(), locale)));
        }
    }

    private static @Nullable Object parse(@Nullable String text, Object documentValue, Threshold inForce,
            String label, Locale locale, List<String> problems) {
        if (blank(text)) {
            problems.add(message(locale, "override.valueMissing", label, inForce.unit()));
            return null;
        }
        String entered = text.strip();
        if (documentValue instanceof BigDecimal) {
            try {
                return new BigDecimal(entered).stripTrailingZeros();
            } catch (NumberFormatException e) {
                problems.add(message(locale, "override.notANumber", entered, label, inForce.unit()));
                return null;
            }
        }
        if (documentValue instanceof Boolean) {
            return switch (entered.toLowerCase(Locale.ROOT)) {
                case "true", "是" -> Boolean.TRUE;
                case "false", "否" -> Boolean.FALSE;
                default -> {
                    problems.add(message(locale, "override.notAFlag", entered, label));
                    yield null;
                }
            };
        }
        if (entered.length() > MAX_TEXT_VALUE) {
            problems.add(message(locale, "override.valueTooLong", entered.length(), MAX_TEXT_VALUE));
            return null;
        }
        return entered;
    }

    /** Returns true when both values are equal, numbers regardless of scale. */
    static boolean equal(Object first, Object second) {
        if (first instanceof BigDecimal a && second instanceof BigDecimal b) {
            return a.compareTo(b) == 0;
        }
        return first.equals(second);
    }

    /** Returns a value as the override table stores it: numbers in plain notation, flags as true or false. */
    static String text(Object value) {
        return value instanceof BigDecimal number ? number.stripTrailingZeros().toPlainString() : value.toString();
    }

    private static String bound(@Nullable BigDecimal bound, Locale locale) {
        return bound == null ? message(locale, "override.unbounded") : text(bound);
    }

    private static boolean blank(@Nullable String text) {
        return text == null || text.isBlank();
    }

    private static String message(Locale locale, String key, Object... arguments) {
        return UserMessages.render(StandardsException.BUNDLE, locale, key, arguments);
    }
}
