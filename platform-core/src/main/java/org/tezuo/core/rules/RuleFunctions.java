package org.tezuo.core.rules;

import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The functions an expression may call, as static methods that compiled expressions invoke. Numbers come back
 * as {@link BigDecimal}; a null argument gives a null result (or false, 0 and true for {@code contains},
 * {@code size} and {@code isEmpty}), so a rule can test for missing data with {@code == null}.
 *
 * <p>Only the translator and MVEL call these methods. They are public because MVEL invokes them by reflection.
 */
public final class RuleFunctions {

    private static final String INTERNAL_PREFIX = "tzfn_";
    private static final int DURATION_SCALE = 6;
    /** Maximum span of calendar days that {@code firstRestDay} checks, about ten years. */
    static final int MAX_CALENDAR_DAYS = 3_660;

    /** Name in the language, smallest and largest argument count (-1: any), and the method that implements it. */
    private record Function(String name, int minArguments, int maxArguments, String method, boolean folds) {
    }

    private static final List<Function> FUNCTIONS = List.of(
            new Function("min", 2, -1, "min", true),
            new Function("max", 2, -1, "max", true),
            new Function("abs", 1, 1, "abs", false),
            new Function("round", 1, 2, "round", false),
            new Function("hoursBetween", 2, 2, "hoursBetween", false),
            new Function("minutesBetween", 2, 2, "minutesBetween", false),
            new Function("daysBetween", 2, 2, "daysBetween", false),
            new Function("overlapsTimeOfDay", 4, 4, "overlapsTimeOfDay", false),
            new Function("firstRestDay", 4, 4, "firstRestDay", false),
            new Function("contains", 2, 2, "contains", false),
            new Function("isEmpty", 1, 1, "isEmpty", false),
            new Function("size", 1, 1, "size", false),
            new Function("lower", 1, 1, "lower", false));

    private RuleFunctions() {
    }

    static boolean isFunction(String name) {
        return find(name).isPresent();
    }

    /** Returns the function names users may call, sorted and comma-separated, for error messages. */
    static String names() {
        return FUNCTIONS.stream().map(Function::name).sorted().collect(Collectors.joining(", "));
    }

    /** Returns the allowed argument count of {@code name} as text, for example {@code 2} or {@code 1-2}. */
    static String arityOf(String name) {
        Function function = find(name).orElseThrow();
        if (function.maxArguments() < 0) {
            return function.minArguments() + "+";
        }
        return function.minArguments() == function.maxArguments()
                ? String.valueOf(function.minArguments())
                : function.minArguments() + "-" + function.maxArguments();
    }

    /**
     * Translates a call of {@code name} with already translated arguments into MVEL text, or returns empty when
     * the function is unknown or the argument count is wrong. Functions of any arity fold into two-argument calls.
     */
    static Optional<String> translateCall(String name, List<String> arguments) {
        Optional<Function> found = find(name);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Function function = found.get();
        int count = arguments.size();
        if (count < function.minArguments() || (function.maxArguments() >= 0 && count > function.maxArguments())) {
            return Optional.empty();
        }
        String internal = internalName(function.method() + count);
        if (!function.folds()) {
            return Optional.of(internal + "(" + String.join(", ", arguments) + ")");
        }
        String folded = arguments.getFirst();
        String twoArguments = internalName(function.method() + 2);
        for (String argument : arguments.subList(1, count)) {
            folded = twoArguments + "(" + folded + ", " + argument + ")";
        }
        return Optional.of(folded);
    }

    /** Returns the name under which {@code method} is imported into MVEL. */
    static String internalName(String method) {
        return INTERNAL_PREFIX + method;
    }

    /** Returns every static method of this class keyed by the name MVEL imports it under. */
    static Map<String, Method> imports() {
        return Arrays.stream(RuleFunctions.class.getDeclaredMethods())
                .filter(method -> java.lang.reflect.Modifier.isPublic(method.getModifiers()))
                .collect(Collectors.toMap(method -> internalName(method.getName() + method.getParameterCount()),
                        method -> method));
    }

    private static Optional<Function> find(String name) {
        return FUNCTIONS.stream().filter(function -> function.name().equals(name)).findFirst();
    }

    // Implementations. The digit in each imported name is the argument count (see translateCall).

    /** Reads {@code key} from a map; anything that is not a map has no fields, so the result is null. */
    public static @Nullable Object path(@Nullable Object target, String key) {
        if (target instanceof Map<?, ?> map) {
            return map.get(key);
        }
        if (target == null) {
            return null;
        }
        throw new InvalidExpressionException("rule.notAMap", key, target.getClass().getSimpleName());
    }

    public static @Nullable BigDecimal negate(@Nullable Object value) {
        BigDecimal number = number("-", value);
        return number == null ? null : number.negate();
    }

    public static @Nullable BigDecimal min(@Nullable Object left, @Nullable Object right) {
        BigDecimal a = number("min", left);
        BigDecimal b = number("min", right);
        return a == null || b == null ? null : a.min(b);
    }

    public static @Nullable BigDecimal max(@Nullable Object left, @Nullable Object right) {
        BigDecimal a = number("max", left);
        BigDecimal b = number("max", right);
        return a == null || b == null ? null : a.max(b);
    }

    public static @Nullable BigDecimal abs(@Nullable Object value) {
        BigDecimal number = number("abs", value);
        return number == null ? null : number.abs();
    }

    public static @Nullable BigDecimal round(@Nullable Object value) {
        return round(value, BigDecimal.ZERO);
    }

    /** Rounds half up to {@code digits} decimal places. */
    public static @Nullable BigDecimal round(@Nullable Object value, @Nullable Object digits) {
        BigDecimal number = number("round", value);
        BigDecimal places = number("round", digits);
        if (number == null || places == null) {
            return null;
        }
        return number.setScale(places.intValueExact(), RoundingMode.HALF_UP);
    }

    /** Returns the hours from {@code start} to {@code end} (negative when end is earlier), to the second. */
    public static @Nullable BigDecimal hoursBetween(@Nullable Object start, @Nullable Object end) {
        return between("hoursBetween", start, end, 3_600);
    }

    public static @Nullable BigDecimal minutesBetween(@Nullable Object start, @Nullable Object end) {
        return between("minutesBetween", start, end, 60);
    }

    public static @Nullable BigDecimal daysBetween(@Nullable Object start, @Nullable Object end) {
        return between("daysBetween", start, end, 86_400);
    }

    /**
     * Returns whether the time from {@code start} to {@code end} (end exclusive) overlaps the daily window from
     * {@code from} to {@code to}, given as {@code HH:mm} text. A window whose start is later than its end runs past
     * midnight, as a night window from 18:00 to 08:00 does, and equal bounds make an empty window. The wall-clock
     * times are those of {@code start}'s offset (end is moved to it), so callers pass date-times in the tenant's
     * zone. An end not after the start checks the start instant alone.
     */
    public static @Nullable Boolean overlapsTimeOfDay(@Nullable Object start, @Nullable Object end,
            @Nullable Object from, @Nullable Object to) {
        if (start == null || end == null || from == null || to == null) {
            return null;
        }
        LocalDateTime[] window = wallClock("overlapsTimeOfDay", start, end);
        LocalTime windowStart = timeOfDay("overlapsTimeOfDay", from);
        LocalTime windowEnd = timeOfDay("overlapsTimeOfDay", to);
        if (windowStart.equals(windowEnd)) {
            return false;
        }
        LocalDateTime workStart = window[0];
        LocalDateTime workEnd = window[1].isAfter(workStart) ? window[1] : workStart.plusNanos(1);
        if (!workEnd.isBefore(workStart.plusDays(1))) {
            return true;
        }
        boolean pastMidnight = windowEnd.isBefore(windowStart);
        for (LocalDate day = workStart.toLocalDate().minusDays(1); !day.isAfter(workEnd.toLocalDate());
                day = day.plusDays(1)) {
            LocalDateTime opens = day.atTime(windowStart);
            LocalDateTime closes = pastMidnight ? day.plusDays(1).atTime(windowEnd) : day.atTime(windowEnd);
            if (opens.isBefore(workEnd) && workStart.isBefore(closes)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Returns the first date from {@code start} to {@code end} (end exclusive) that is a rest day, as
     * {@code yyyy-MM-dd} text, or null when there is none. A rest day is a date in {@code holidays}, or a Saturday or
     * Sunday that is not in {@code workdays} (the weekend days worked in exchange for a holiday). Both lists hold
     * dates as {@code yyyy-MM-dd} text; a null list is empty. Dates are those of {@code start}'s offset.
     */
    public static @Nullable String firstRestDay(@Nullable Object start, @Nullable Object end,
            @Nullable Object holidays, @Nullable Object workdays) {
        if (start == null || end == null) {
            return null;
        }
        LocalDateTime[] window = wallClock("firstRestDay", start, end);
        Set<LocalDate> holidayDates = dates("firstRestDay", holidays);
        Set<LocalDate> swappedWorkdays = dates("firstRestDay", workdays);
        LocalDate first = window[0].toLocalDate();
        LocalDate last = window[1].isAfter(window[0]) ? window[1].minusNanos(1).toLocalDate() : first;
        if (ChronoUnit.DAYS.between(first, last) > MAX_CALENDAR_DAYS) {
            throw new InvalidExpressionException("rule.spanTooLong", "firstRestDay", MAX_CALENDAR_DAYS,
                    describe(start), describe(end));
        }
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
            if (holidayDates.contains(day) || (weekend && !swappedWorkdays.contains(day))) {
                return day.toString();
            }
        }
        return null;
    }

    public static boolean contains(@Nullable Object container, @Nullable Object value) {
        if (container == null) {
            return false;
        }
        if (container instanceof Collection<?> collection) {
            return collection.stream().anyMatch(element -> sameValue(element, value));
        }
        if (container instanceof String text) {
            return value != null && text.contains(value.toString());
        }
        throw new InvalidExpressionException("rule.functionArgument", "contains", describe(container),
                new InvalidExpressionException.Expectation("rule.expected.list"));
    }

    public static boolean isEmpty(@Nullable Object value) {
        return value == null || size(value).signum() == 0;
    }

    public static BigDecimal size(@Nullable Object value) {
        return switch (value) {
            case null -> BigDecimal.ZERO;
            case Collection<?> collection -> BigDecimal.valueOf(collection.size());
            case Map<?, ?> map -> BigDecimal.valueOf(map.size());
            case String text -> BigDecimal.valueOf(text.length());
            default -> throw new InvalidExpressionException("rule.functionArgument", "size", describe(value),
                    new InvalidExpressionException.Expectation("rule.expected.list"));
        };
    }

    public static @Nullable String lower(@Nullable Object value) {
        return value == null ? null : value.toString().toLowerCase(Locale.ROOT);
    }

    private static boolean sameValue(@Nullable Object element, @Nullable Object value) {
        if (element instanceof Number && value instanceof Number) {
            return toBigDecimal((Number) element).compareTo(toBigDecimal((Number) value)) == 0;
        }
        return element == null ? value == null : element.equals(value);
    }

    private static @Nullable BigDecimal between(String function, @Nullable Object start, @Nullable Object end,
            int secondsPerUnit) {
        if (start == null || end == null) {
            return null;
        }
        Temporal from = temporal(function, start);
        Temporal to = temporal(function, end);
        if ((from instanceof LocalDateTime) != (to instanceof LocalDateTime)) {
            throw new InvalidExpressionException("rule.mixedTimes", function, describe(start), describe(end));
        }
        Duration duration = Duration.between(from, to);
        BigDecimal seconds = BigDecimal.valueOf(duration.getSeconds())
                .add(BigDecimal.valueOf(duration.getNano(), 9));
        return seconds.divide(BigDecimal.valueOf(secondsPerUnit), DURATION_SCALE, RoundingMode.HALF_UP)
                .stripTrailingZeros();
    }

    /**
     * Returns the wall-clock times of {@code start} and {@code end} in {@code start}'s offset. Values without an
     * offset are taken as they are, and a mix of one with an offset and one without is rejected.
     */
    private static LocalDateTime[] wallClock(String function, Object start, Object end) {
        Temporal from = zoned(function, start);
        Temporal to = zoned(function, end);
        if ((from instanceof LocalDateTime) != (to instanceof LocalDateTime)) {
            throw new InvalidExpressionException("rule.mixedTimes", function, describe(start), describe(end));
        }
        if (from instanceof OffsetDateTime startAt && to instanceof OffsetDateTime endAt) {
            return new LocalDateTime[] {startAt.toLocalDateTime(),
                    endAt.withOffsetSameInstant(startAt.getOffset()).toLocalDateTime()};
        }
        return new LocalDateTime[] {(LocalDateTime) from, (LocalDateTime) to};
    }

    /** Converts a date-time to OffsetDateTime, or to LocalDateTime without an offset. An Instant is rejected. */
    private static Temporal zoned(String function, Object value) {
        return switch (value) {
            case OffsetDateTime offsetDateTime -> offsetDateTime;
            case ZonedDateTime zonedDateTime -> zonedDateTime.toOffsetDateTime();
            case LocalDateTime localDateTime -> localDateTime;
            case LocalDate date -> date.atStartOfDay();
            case String text -> {
                Temporal parsed = parseTemporal(function, text);
                yield parsed instanceof Instant ? OffsetDateTime.parse(text) : parsed;
            }
            default -> throw new InvalidExpressionException("rule.functionArgument", function, describe(value),
                    new InvalidExpressionException.Expectation("rule.expected.dateTime"));
        };
    }

    private static LocalTime timeOfDay(String function, Object value) {
        if (value instanceof LocalTime time) {
            return time;
        }
        try {
            return LocalTime.parse(value.toString());
        } catch (DateTimeParseException e) {
            throw new InvalidExpressionException("rule.functionArgument", function, describe(value),
                    new InvalidExpressionException.Expectation("rule.expected.timeOfDay"));
        }
    }

    private static Set<LocalDate> dates(String function, @Nullable Object value) {
        if (value == null) {
            return Set.of();
        }
        if (!(value instanceof Collection<?> collection)) {
            throw new InvalidExpressionException("rule.functionArgument", function, describe(value),
                    new InvalidExpressionException.Expectation("rule.expected.dateList"));
        }
        Set<LocalDate> dates = new HashSet<>();
        for (Object element : collection) {
            try {
                dates.add(element instanceof LocalDate date ? date : LocalDate.parse(String.valueOf(element)));
            } catch (DateTimeParseException e) {
                throw new InvalidExpressionException("rule.functionArgument", function, describe(element),
                        new InvalidExpressionException.Expectation("rule.expected.dateList"));
            }
        }
        return dates;
    }

    /** Converts date-times to {@link Instant} (or LocalDateTime when no offset is known); parses ISO text. */
    private static Temporal temporal(String function, Object value) {
        return switch (value) {
            case Instant instant -> instant;
            case OffsetDateTime offsetDateTime -> offsetDateTime.toInstant();
            case ZonedDateTime zonedDateTime -> zonedDateTime.toInstant();
            case LocalDateTime localDateTime -> localDateTime;
            case LocalDate date -> date.atStartOfDay();
            case String text -> parseTemporal(function, text);
            default -> throw new InvalidExpressionException("rule.functionArgument", function, describe(value),
                    new InvalidExpressionException.Expectation("rule.expected.dateTime"));
        };
    }

    private static Temporal parseTemporal(String function, String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(text);
            } catch (DateTimeParseException notLocal) {
                throw new InvalidExpressionException("rule.functionArgument", function, text,
                        new InvalidExpressionException.Expectation("rule.expected.dateTime"));
            }
        }
    }

    private static @Nullable BigDecimal number(String function, @Nullable Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Number number) {
            return toBigDecimal(number);
        }
        throw new InvalidExpressionException("rule.functionArgument", function, describe(value),
                new InvalidExpressionException.Expectation("rule.expected.number"));
    }

    static BigDecimal toBigDecimal(Number number) {
        return switch (number) {
            case BigDecimal decimal -> decimal;
            case BigInteger integer -> new BigDecimal(integer);
            case Integer integer -> BigDecimal.valueOf(integer);
            case Long integer -> BigDecimal.valueOf(integer);
            default -> new BigDecimal(number.toString());
        };
    }

    private static String describe(Object value) {
        return String.valueOf(value);
    }
}
