package org.tezuo.core.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MvelExpressionCompilerTest {

    private static final Set<String> VARIABLES = Set.of("x", "grade", "weather", "tags", "workStart", "workEnd");

    private final MvelExpressionCompiler compiler = new MvelExpressionCompiler();

    static Stream<Arguments> hostileExpressions() {
        return Stream.of(
                Arguments.of("System.exit(0)", "rule.classReference", 1, "System"),
                Arguments.of("Runtime.getRuntime()", "rule.classReference", 1, "Runtime"),
                Arguments.of("Runtime.getRuntime().exec('rm -rf /')", "rule.classReference", 1, "Runtime"),
                Arguments.of("''.getClass().forName('java.lang.Runtime')", "rule.memberOfValue", 3, "."),
                Arguments.of("new java.io.File('/')", "rule.reservedWord", 1, "new"),
                Arguments.of("Thread.sleep(1)", "rule.classReference", 1, "Thread"),
                Arguments.of("x = 1", "rule.assignment", 3, "="),
                Arguments.of("x += 1", "rule.assignment", 4, "="),
                Arguments.of("while(true){}", "rule.reservedWord", 1, "while"),
                Arguments.of("for (i = 0; i < 3; i++) {}", "rule.reservedWord", 1, "for"),
                Arguments.of("foreach (t : tags) { t }", "rule.reservedWord", 1, "foreach"),
                Arguments.of("do { x } while (true)", "rule.reservedWord", 1, "do"),
                Arguments.of("until (x) { }", "rule.reservedWord", 1, "until"),
                Arguments.of("def f(){}", "rule.reservedWord", 1, "def"),
                Arguments.of("function f() { 1 }", "rule.reservedWord", 1, "function"),
                Arguments.of("import java.lang.Runtime", "rule.reservedWord", 1, "import"),
                Arguments.of("java.lang.Math.abs(1)", "rule.unknownVariable", 1, "java"),
                Arguments.of("this", "rule.reservedWord", 1, "this"),
                Arguments.of("x.class", "rule.reservedWord", 3, "class"),
                Arguments.of("x.getClass()", "rule.methodCall", 3, "getClass"),
                Arguments.of("x.getClass().getClassLoader()", "rule.methodCall", 3, "getClass"),
                Arguments.of("weather.toString()", "rule.methodCall", 9, "toString"),
                Arguments.of("Class.forName('java.lang.Runtime')", "rule.classReference", 1, "Class"),
                Arguments.of("x == 1; System.exit(0)", "rule.statement", 7, ";"),
                Arguments.of("@foo", "rule.character", 1, "@"),
                Arguments.of("$x", "rule.character", 1, "$"),
                Arguments.of("`ls`", "rule.character", 1, "`"),
                Arguments.of("#{x}", "rule.character", 1, "#"),
                Arguments.of("tags[0]", "rule.collection", 5, "["),
                Arguments.of("[1, 2, 3]", "rule.collection", 1, "["),
                Arguments.of("{'a': 1}", "rule.collection", 1, "{"),
                Arguments.of("(tags in x)", "rule.reservedWord", 7, "in"),
                Arguments.of("x instanceof String", "rule.reservedWord", 3, "instanceof"),
                Arguments.of("exec('ls')", "rule.unknownFunction", 1, "exec"),
                Arguments.of("abs(1).class", "rule.memberOfValue", 7, "."),
                Arguments.of("(x).y", "rule.memberOfValue", 4, "."),
                Arguments.of("1L", "rule.number", 1, "1L"),
                Arguments.of("0x1F", "rule.number", 1, "0x"),
                Arguments.of("x ~= 'a.*'", "rule.character", 3, "~"),
                Arguments.of("'\\u0041'", "rule.escape", 2, "\\u"),
                Arguments.of("with (x) { y = 1 }", "rule.reservedWord", 1, "with"),
                Arguments.of("empty", "rule.reservedWord", 1, "empty"),
                Arguments.of("unknown > 1", "rule.unknownVariable", 1, "unknown"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileExpressions")
    void hostileExpressionIsRejected(String source, String key, int position, String token) {
        assertThatThrownBy(() -> compiler.compile(source, VARIABLES))
                .isInstanceOfSatisfying(InvalidExpressionException.class, rejection -> {
                    assertThat(rejection.messageKey()).isEqualTo(key);
                    assertThat(rejection.arguments()).startsWith(source, position, token);
                });
    }

    @Test
    void classReferenceMessageNamesTokenAndPosition() {
        InvalidExpressionException rejection = rejectionOf("System.exit(0)");

        assertThat(rejection.message(Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("规则表达式“System.exit(0)”第 1 个字符处的“System”看起来是 Java 类名；规则不能引用类，"
                        + "变量名须以小写字母开头");
        assertThat(rejection.message(Locale.ENGLISH))
                .isEqualTo("In rule expression \"System.exit(0)\", \"System\" at character 1 looks like a Java class "
                        + "name; rules cannot reference classes, and variable names start with a lower-case letter");
    }

    @Test
    void unknownFunctionMessageListsAllowedFunctions() {
        InvalidExpressionException rejection = rejectionOf("exec('ls')");

        assertThat(rejection.message(Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("规则表达式“exec('ls')”第 1 个字符处的函数“exec”不在允许列表中；允许的函数：abs, contains, "
                        + "daysBetween, firstRestDay, hoursBetween, isEmpty, lower, max, min, minutesBetween, "
                        + "overlapsTimeOfDay, round, size");
    }

    @Test
    void unknownVariableMessageListsVariables() {
        InvalidExpressionException rejection = rejectionOf("java.lang.Math.abs(1)");

        assertThat(rejection.message(Locale.ENGLISH))
                .isEqualTo("In rule expression \"java.lang.Math.abs(1)\", \"java\" at character 1 is not an "
                        + "available variable; available variables: grade, tags, weather, workEnd, workStart, x");
    }

    @Test
    void unexpectedTokenMessageSaysWhatWasExpected() {
        InvalidExpressionException rejection = rejectionOf("x > ");

        assertThat(rejection.message(Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("规则表达式“x > ”在第 5 个字符处意外结束；此处应为数字、字符串、变量、函数调用或左括号");
        assertThat(rejection.message(Locale.ENGLISH))
                .isEqualTo("Rule expression \"x > \" ends unexpectedly at character 5; expected a number, string, "
                        + "variable, function call or opening parenthesis");
    }

    @Test
    void tooLongExpressionIsRejected() {
        String source = "x + " .repeat(500) + "1";

        InvalidExpressionException rejection = rejectionOf(source);

        assertThat(rejection.message(Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("规则表达式长 2,001 个字符，超过上限 2,000；请拆成几条规则");
    }

    @Test
    void deepNestingIsRejected() {
        String source = "(".repeat(40) + "x" + ")".repeat(40);

        InvalidExpressionException rejection = rejectionOf(source);

        assertThat(rejection.messageKey()).isEqualTo("rule.tooDeep");
    }

    @Test
    void variableNamedLikeClassIsRejected() {
        assertThatThrownBy(() -> compiler.compile("1 == 1", Set.of("Runtime")))
                .isInstanceOf(InvalidExpressionException.class)
                .hasMessage("Variable name \"Runtime\" is not allowed: it must start with a lower-case letter, "
                        + "contain only letters, digits and underscores, have at most 64 characters and not be a "
                        + "reserved word");
    }

    static Stream<Arguments> legalExpressions() {
        Map<String, Object> weather = new HashMap<>();
        weather.put("windSpeedMetresPerSecond", new BigDecimal("8.33"));
        weather.put("beaufortLevel", 5);
        Map<String, Object> variables = new HashMap<>();
        variables.put("x", 7);
        variables.put("grade", "一级");
        variables.put("weather", weather);
        variables.put("tags", List.of("露天", "管廊"));
        variables.put("workStart", OffsetDateTime.parse("2026-12-04T08:00+08:00"));
        variables.put("workEnd", OffsetDateTime.parse("2026-12-04T17:00+08:00"));
        return Stream.of(
                Arguments.of("x + 1", variables, new BigDecimal("8")),
                Arguments.of("x * 2 - 4 / 2", variables, new BigDecimal("12")),
                Arguments.of("x % 4", variables, new BigDecimal("3")),
                Arguments.of("-x + 10", variables, new BigDecimal("3")),
                Arguments.of("x > 5 && x <= 7", variables, true),
                Arguments.of("!(x == 7) || x != 8", variables, true),
                Arguments.of("grade == '一级'", variables, true),
                Arguments.of("grade == \"特级\" ? 8 : 72", variables, new BigDecimal("72")),
                Arguments.of("weather.beaufortLevel >= 5", variables, true),
                Arguments.of("weather.windSpeedMetresPerSecond >= 8.0", variables, true),
                Arguments.of("round(weather.windSpeedMetresPerSecond, 1)", variables, new BigDecimal("8.3")),
                Arguments.of("weather.missing == null", variables, true),
                Arguments.of("location == null", Map.of(), true),
                Arguments.of("min(3, x, 5)", variables, new BigDecimal("3")),
                Arguments.of("max(3, x, 5)", variables, new BigDecimal("7")),
                Arguments.of("abs(-2.5)", variables, new BigDecimal("2.5")),
                Arguments.of("round(2.5)", variables, new BigDecimal("3")),
                Arguments.of("hoursBetween(workStart, workEnd)", variables, new BigDecimal("9")),
                Arguments.of("minutesBetween(workStart, workEnd) > 8 * 60", variables, true),
                Arguments.of("daysBetween('2026-12-01T00:00+08:00', workStart)", variables,
                        new BigDecimal("3.333333")),
                Arguments.of("contains(tags, '管廊')", variables, true),
                Arguments.of("contains(tags, '受限空间')", variables, false),
                Arguments.of("isEmpty(tags)", variables, false),
                Arguments.of("size(tags)", variables, new BigDecimal("2")),
                Arguments.of("lower('LNG') == 'lng'", variables, true),
                Arguments.of("'风速 ' + x", variables, "风速 7"),
                // One literal, variable or path is read without MVEL, in parentheses too.
                Arguments.of("25", variables, new BigDecimal("25")),
                Arguments.of("'管廊'", variables, "管廊"),
                Arguments.of("true", variables, true),
                Arguments.of("grade", variables, "一级"),
                Arguments.of("weather.beaufortLevel", variables, 5),
                Arguments.of("(weather.beaufortLevel)", variables, 5),
                Arguments.of("((grade))", variables, "一级"),
                Arguments.of("(x > 5 ? 'high' : 'low')", variables, "high"),
                Arguments.of("x > 5 ? (x > 6 ? 'higher' : 'high') : 'low'", variables, "higher"),
                Arguments.of("!(x == 7) ? 'other' : 'seven'", variables, "seven"),
                Arguments.of("x == 7 && !(grade == '特级') ? 1 : 2", variables, new BigDecimal("1")),
                Arguments.of("weather.beaufortLevel * 2 + weather.beaufortLevel", variables, new BigDecimal("15")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("legalExpressions")
    void legalExpressionIsEvaluated(String source, Map<String, Object> variables, Object expected) {
        Object result = compiler.compile(source, VARIABLES_WITH_LOCATION).evaluate(variables);

        if (expected instanceof BigDecimal number) {
            assertThat(result).isInstanceOf(BigDecimal.class);
            assertThat((BigDecimal) result).isEqualByComparingTo(number);
        } else {
            assertThat(result).isEqualTo(expected);
        }
    }

    private static final Set<String> CALENDAR_VARIABLES = Set.of("workStart", "workEnd", "holidays", "workdays");

    static Stream<Arguments> calendarExpressions() {
        return Stream.of(
                Arguments.of("08:00 to 18:00 misses 18:00–08:00", "2026-12-04T08:00+08:00", "2026-12-04T18:00+08:00",
                        "overlapsTimeOfDay(workStart, workEnd, '18:00', '08:00')", false),
                Arguments.of("07:59 start is at night", "2026-12-04T07:59+08:00", "2026-12-04T12:00+08:00",
                        "overlapsTimeOfDay(workStart, workEnd, '18:00', '08:00')", true),
                Arguments.of("end one minute past 18:00 is at night", "2026-12-04T14:00+08:00",
                        "2026-12-04T18:01+08:00", "overlapsTimeOfDay(workStart, workEnd, '18:00', '08:00')", true),
                Arguments.of("02:00–03:00 lies inside the window", "2026-12-05T02:00+08:00", "2026-12-05T03:00+08:00",
                        "overlapsTimeOfDay(workStart, workEnd, '18:00', '08:00')", true),
                Arguments.of("UTC input is read in its own offset", "2026-12-04T10:00Z", "2026-12-04T11:00Z",
                        "overlapsTimeOfDay(workStart, workEnd, '18:00', '08:00')", false),
                Arguments.of("a day-long window always overlaps", "2026-12-04T09:00+08:00", "2026-12-05T09:00+08:00",
                        "overlapsTimeOfDay(workStart, workEnd, '12:00', '12:30')", true),
                Arguments.of("a window within one day", "2026-12-04T11:00+08:00", "2026-12-04T12:00+08:00",
                        "overlapsTimeOfDay(workStart, workEnd, '12:00', '12:30')", false),
                Arguments.of("equal bounds are an empty window", "2026-12-04T11:00+08:00", "2026-12-04T13:00+08:00",
                        "overlapsTimeOfDay(workStart, workEnd, '12:00', '12:00')", false),
                Arguments.of("Friday is no rest day", "2026-12-04T09:00+08:00", "2026-12-04T17:00+08:00",
                        "firstRestDay(workStart, workEnd, holidays, workdays) == null", true),
                Arguments.of("a window into Saturday finds it", "2026-12-04T20:00+08:00", "2026-12-05T02:00+08:00",
                        "firstRestDay(workStart, workEnd, holidays, workdays)", "2026-12-05"),
                Arguments.of("an end at midnight leaves the next day out", "2026-12-04T20:00+08:00",
                        "2026-12-05T00:00+08:00", "firstRestDay(workStart, workEnd, holidays, workdays) == null", true),
                Arguments.of("a listed holiday on a weekday", "2026-10-08T09:00+08:00", "2026-10-08T17:00+08:00",
                        "firstRestDay(workStart, workEnd, holidays, workdays)", "2026-10-08"),
                Arguments.of("a swapped working Saturday", "2026-10-10T09:00+08:00", "2026-10-10T17:00+08:00",
                        "firstRestDay(workStart, workEnd, holidays, workdays) == null", true),
                Arguments.of("missing data gives null", null, "2026-10-10T17:00+08:00",
                        "firstRestDay(workStart, workEnd, holidays, workdays) == null", true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("calendarExpressions")
    void calendarFunctionIsEvaluated(String description, String start, String end, String source, Object expected) {
        Map<String, Object> variables = new HashMap<>();
        if (start != null) {
            variables.put("workStart", OffsetDateTime.parse(start));
        }
        variables.put("workEnd", OffsetDateTime.parse(end));
        variables.put("holidays", List.of("2026-10-01", "2026-10-08"));
        variables.put("workdays", List.of("2026-10-10"));

        Object result = compiler.compile(source, CALENDAR_VARIABLES).evaluate(variables);

        assertThat(result).isEqualTo(expected);
    }

    @Test
    void malformedTimeOfDayNamesTheExpectedFormat() {
        CompiledExpression expression = compiler.compile("overlapsTimeOfDay(workStart, workEnd, '6pm', '08:00')",
                CALENDAR_VARIABLES);

        assertThatThrownBy(() -> expression.evaluate(Map.of("workStart", OffsetDateTime.parse("2026-12-04T09:00+08:00"),
                "workEnd", OffsetDateTime.parse("2026-12-04T10:00+08:00"))))
                .isInstanceOfSatisfying(InvalidExpressionException.class, rejection -> assertThat(
                        rejection.message(Locale.SIMPLIFIED_CHINESE))
                        .isEqualTo("函数 overlapsTimeOfDay 的参数“6pm”无效，应为时刻（例如 18:00）"));
    }

    @Test
    void malformedHolidayNamesTheDate() {
        CompiledExpression expression = compiler.compile("firstRestDay(workStart, workEnd, holidays, workdays)",
                CALENDAR_VARIABLES);

        assertThatThrownBy(() -> expression.evaluate(Map.of("workStart", OffsetDateTime.parse("2026-12-04T09:00+08:00"),
                "workEnd", OffsetDateTime.parse("2026-12-04T10:00+08:00"), "holidays", List.of("2026-13-01"))))
                .isInstanceOfSatisfying(InvalidExpressionException.class, rejection -> assertThat(
                        rejection.message(Locale.ENGLISH))
                        .isEqualTo("The argument \"2026-13-01\" of function firstRestDay is invalid; expected a list "
                                + "of dates (each for example 2026-10-01)"));
    }

    private static final Set<String> VARIABLES_WITH_LOCATION =
            Set.of("x", "grade", "weather", "tags", "workStart", "workEnd", "location");

    @Test
    void dotIntoNonMapReportsField() {
        CompiledExpression expression = compiler.compile("grade.chars > 1", VARIABLES);

        assertThatThrownBy(() -> expression.evaluate(Map.of("grade", "一级")))
                .isInstanceOf(InvalidExpressionException.class)
                .hasMessage("The rule reads field \"chars\" of a String, which has no fields; use the dot only on "
                        + "object variables");
    }

    @Test
    void directReadIntoNonMapReportsField() {
        CompiledExpression expression = compiler.compile("grade.chars", VARIABLES);

        assertThatThrownBy(() -> expression.evaluate(Map.of("grade", "一级")))
                .isInstanceOf(InvalidExpressionException.class)
                .hasMessage("The rule reads field \"chars\" of a String, which has no fields; use the dot only on "
                        + "object variables");
    }

    @Test
    void pathOfNullReadsAsNull() {
        Map<String, Object> noWeather = new HashMap<>();
        noWeather.put("weather", null);

        assertThat(compiler.compile("weather.beaufortLevel", VARIABLES).evaluate(noWeather)).isNull();
        assertThat(compiler.compile("weather.beaufortLevel == null", VARIABLES).evaluate(noWeather)).isEqualTo(true);
        assertThat(compiler.compile("grade", VARIABLES).evaluate(Map.of())).isNull();
    }

    @Test
    void samePathTwiceIsBoundOnce() {
        RuleLanguageTranslator.TranslatedExpression translated = RuleLanguageTranslator.translate(
                "weather.beaufortLevel >= 5 && weather.beaufortLevel < 8 && weather.gust.level > 1", VARIABLES);

        assertThat(translated.paths()).extracting(RuleLanguageTranslator.PathRead::keys)
                .containsExactly(List.of("beaufortLevel"), List.of("gust", "level"));
        assertThat(translated.mvel()).doesNotContain("weather");
    }

    @Test
    void variableNamedLikeBoundPathIsRejected() {
        assertThatThrownBy(() -> compiler.compile("tzpath_0 > 1", Set.of("tzpath_0")))
                .isInstanceOf(InvalidExpressionException.class);
    }

    @Test
    void nonBooleanTestIsRejected() {
        CompiledExpression expression = compiler.compile("x + 1", VARIABLES);

        assertThatThrownBy(() -> expression.test(Map.of("x", 1)))
                .isInstanceOf(InvalidExpressionException.class)
                .extracting(error -> ((InvalidExpressionException) error).message(Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("规则表达式“x + 1”应返回是/否，实际返回“2”；请改写为比较或逻辑表达式");
    }

    @Test
    void sameSourceAndVariablesAreCompiledOnce() {
        CompiledExpression first = compiler.compile("x > 1", Set.of("x", "grade"));
        CompiledExpression second = compiler.compile("x > 1", Set.of("grade", "x"));

        assertThat(second).isSameAs(first);
    }

    @Test
    void concurrentEvaluationsGiveTheirOwnResults() throws Exception {
        CompiledExpression expression = compiler.compile("x * 2 + round(weather.windSpeedMetresPerSecond)",
                VARIABLES);
        List<Future<Boolean>> results = new ArrayList<>();

        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            for (int thread = 0; thread < 4; thread++) {
                int offset = thread * 1_000;
                results.add(pool.submit(() -> {
                    for (int i = offset; i < offset + 1_000; i++) {
                        Object value = expression.evaluate(Map.of("x", i,
                                "weather", Map.of("windSpeedMetresPerSecond", new BigDecimal("1.4"))));
                        if (((BigDecimal) value).compareTo(BigDecimal.valueOf(2L * i + 1)) != 0) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
        }

        for (Future<Boolean> result : results) {
            assertThat(result.get()).isTrue();
        }
    }

    private InvalidExpressionException rejectionOf(String source) {
        try {
            compiler.compile(source, VARIABLES);
        } catch (InvalidExpressionException rejection) {
            return rejection;
        }
        throw new AssertionError("expected a rejection of " + source);
    }
}
