package org.tezuo.core.rules;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.tezuo.core.i18n.UserMessages;

/** Formats values for rule messages: numbers without trailing zeros, date-times to the minute in their offset. */
final class RuleValueFormatter {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private RuleValueFormatter() {
    }

    static String format(@Nullable Object value, Locale locale) {
        return switch (value) {
            case null -> UserMessages.render(InvalidExpressionException.BUNDLE, locale, "rule.value.missing");
            case BigDecimal number -> plain(number);
            case Number number -> plain(RuleFunctions.toBigDecimal(number));
            case Boolean flag -> UserMessages.render(InvalidExpressionException.BUNDLE, locale,
                    flag ? "rule.value.true" : "rule.value.false");
            case OffsetDateTime dateTime -> dateTime.format(DATE_TIME);
            case ZonedDateTime dateTime -> dateTime.format(DATE_TIME);
            default -> value.toString();
        };
    }

    private static String plain(BigDecimal number) {
        return number.signum() == 0 ? "0" : number.stripTrailingZeros().toPlainString();
    }
}
