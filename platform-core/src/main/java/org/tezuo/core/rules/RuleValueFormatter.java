package org.tezuo.core.rules;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.tezuo.core.i18n.UserMessages;

/** Formats values for rule messages: numbers without trailing zeros, date-times to the minute in their offset. */
final class RuleValueFormatter {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /**
     * The words for a missing value, true and false by language and key. They take no arguments, so each is
     * rendered once instead of looking up the bundle and parsing its pattern for every message.
     */
    private static final Map<String, String> WORDS = new ConcurrentHashMap<>();

    private RuleValueFormatter() {
    }

    static String format(@Nullable Object value, Locale locale) {
        return switch (value) {
            case null -> word(locale, "rule.value.missing");
            case BigDecimal number -> plain(number);
            case Number number -> plain(RuleFunctions.toBigDecimal(number));
            case Boolean flag -> word(locale, flag ? "rule.value.true" : "rule.value.false");
            case OffsetDateTime dateTime -> dateTime.format(DATE_TIME);
            case ZonedDateTime dateTime -> dateTime.format(DATE_TIME);
            default -> value.toString();
        };
    }

    private static String word(Locale locale, String key) {
        return WORDS.computeIfAbsent(locale.getLanguage() + ' ' + key,
                ignored -> UserMessages.render(InvalidExpressionException.BUNDLE, locale, key));
    }

    private static String plain(BigDecimal number) {
        return number.signum() == 0 ? "0" : number.stripTrailingZeros().toPlainString();
    }
}
