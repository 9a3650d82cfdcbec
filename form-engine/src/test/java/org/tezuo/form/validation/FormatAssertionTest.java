package org.tezuo.form.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tezuo.core.rules.MvelExpressionCompiler;
import org.tezuo.form.FormFixtures;
import org.tezuo.form.definition.FormDefinition;
import org.tezuo.form.definition.FormDefinitionParser;

class FormatAssertionTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final FormValidator validator = new FormValidator(new MvelExpressionCompiler(),
            Clock.fixed(Instant.parse("2026-03-05T00:00:00Z"), ZoneOffset.UTC));

    private static FormDefinition formWithFormat(String format) {
        return new FormDefinitionParser().parse("format-" + format, 1, FormFixtures.json("""
                {"title": {"zh": "格式"},
                 "schema": {"type": "object", "properties": {
                   "value": {"type": "string", "format": "%s", "x-label": {"zh": "值", "en": "Value"}}}},
                 "layout": {"sections": [{"title": {"zh": "分区"}, "fields": ["value"]}]}}""".formatted(format)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            date      | 2026-02-30         | 2026-03-05                           | 不是有效日期
            date-time | 2026-03-05 08:00   | 2026-03-05T08:00:00+08:00            | 不是带时区的有效日期时间
            time      | 25:00:00+08:00     | 08:30:00+08:00                       | 不是带时区的有效时间
            email     | wang.example.com   | wang@example.com                     | 不是有效的电子邮箱地址
            idn-email | 王@               | 王@例子.中国                          | 不是有效的电子邮箱地址
            uri       | //example.com      | https://example.com/a                | 不是有效的网址（URI）
            uuid      | 2f1c3b1e-8a4d      | 2f1c3b1e-8a4d-4c2e-9f00-1b2c3d4e5f60 | 不是有效的 UUID
            ipv4      | 192.168.1.300      | 192.168.1.30                         | 不是有效的 IPv4 地址
            ipv6      | 2001:db8:::1       | 2001:db8::1                          | 不是有效的 IPv6 地址
            hostname  | -plc.example.com   | plc-01.example.com                   | 不是有效的主机名
            """)
    void formatIsAsserted(String format, String invalid, String valid, String reason) {
        FormDefinition form = formWithFormat(format);

        List<FieldError> rejected = validator.validate(form, FormFixtures.json(
                "{\"value\": \"" + invalid + "\"}"), Locale.SIMPLIFIED_CHINESE, SHANGHAI);
        List<FieldError> accepted = validator.validate(form, FormFixtures.json(
                "{\"value\": \"" + valid + "\"}"), Locale.SIMPLIFIED_CHINESE, SHANGHAI);

        assertThat(rejected).hasSize(1);
        assertThat(rejected.getFirst().message()).startsWith("“值”的值“" + invalid + "”" + reason);
        assertThat(accepted).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            email | wang.example.com | The value "wang.example.com" of "Value" is not a valid e-mail address; enter it like name@example.com
            ipv4  | 10.0.0           | The value "10.0.0" of "Value" is not a valid IPv4 address; enter it like 192.168.1.10
            """)
    void formatErrorIsWordedInEnglish(String format, String invalid, String message) {
        List<FieldError> errors = validator.validate(formWithFormat(format), FormFixtures.json(
                "{\"value\": \"" + invalid + "\"}"), Locale.ENGLISH, SHANGHAI);

        assertThat(errors).extracting(FieldError::message).containsExactly(message);
    }
}
