package org.tezuo.core.qualification.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tezuo.core.qualification.DatePrecision;
import org.tezuo.core.qualification.roster.LedgerDateParser.Bound;
import org.tezuo.core.qualification.roster.LedgerDateParser.ParsedDate;

class LedgerDateParserTest {

    @ParameterizedTest(name = "\"{0}\" as {1} reads as {2} ({3})")
    @CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false, textBlock = """
            2019-03-05|END|2019-03-05|DAY
            2019/3/5|END|2019-03-05|DAY
            2019.3.5|START|2019-03-05|DAY
            2019年3月5日|END|2019-03-05|DAY
             2019 年 3 月 5 日 |END|2019-03-05|DAY
            2019-03-05 00:00:00|END|2019-03-05|DAY
            20190305|END|2019-03-05|DAY
            ２０１９－０３－０５|END|2019-03-05|DAY
            43529|END|2019-03-05|DAY
            2019-03|END|2019-03-31|MONTH
            2019-03|START|2019-03-01|MONTH
            2019/3|END|2019-03-31|MONTH
            2019.3|START|2019-03-01|MONTH
            2019年3月|END|2019-03-31|MONTH
            2020-02|END|2020-02-29|MONTH
            """)
    void acceptedFormatReadsAsDate(String raw, Bound bound, LocalDate expected, DatePrecision precision) {
        ParsedDate parsed = LedgerDateParser.parse(raw, bound);

        assertThat(parsed.date()).isEqualTo(expected);
        assertThat(parsed.precision()).isEqualTo(precision);
    }

    @ParameterizedTest(name = "\"{0}\" is rejected")
    @CsvSource(delimiter = '|', textBlock = """
            2019-13-05|“2019-13-05”不是有效日期：没有 13 月；请核对证书上的日期
            2019-02-30|“2019-02-30”不是有效日期：2019 年 2 月只有 28 天；请核对证书上的日期
            19/3/5|“19/3/5”的年份只有两位，无法确定世纪；请写四位年份，如 2019/3/5
            3/5/2019|“3/5/2019”把年份写在最后，无法确定月和日的顺序；请按年-月-日顺序填写，如 2019-03-05
            2019-3/5|“2019-3/5”不是可识别的日期；请使用 2019-03-05、2019/3/5、2019.3.5、2019年3月5日 或只到月份的 2019-03 等年份在前的格式
            长期|“长期”不是可识别的日期；请使用 2019-03-05、2019/3/5、2019.3.5、2019年3月5日 或只到月份的 2019-03 等年份在前的格式
            1019-03-05|“1019-03-05”对应的日期 1019-03-05 不在 1950 年至 2099 年之间；请核对年份
            12345|“12345”按 Excel 日期序号对应 1933-10-18，不在 1950 年至 2099 年之间；请填写日期，如 2019-03-05
            2019-00|“2019-00”不是有效日期：没有 0 月；请核对证书上的日期
            """)
    void ambiguousOrImpossibleDateIsRejected(String raw, String expectedMessage) {
        assertThatThrownBy(() -> LedgerDateParser.parse(raw, Bound.END))
                .isInstanceOfSatisfying(InvalidLedgerValueException.class,
                        e -> assertThat(e.message(Locale.SIMPLIFIED_CHINESE)).isEqualTo(expectedMessage));
    }

    @Test
    void impossibleDayIsExplainedInEnglish() {
        assertThatThrownBy(() -> LedgerDateParser.parse("2019-02-30", Bound.END))
                .hasMessage("\"2019-02-30\" is not a valid date: month 2 of 2019 has only 28 days; "
                        + "check the date on the certificate");
    }

    @Test
    void serialFrom1904WorkbookCountsFrom1904() {
        ParsedDate parsed = LedgerDateParser.fromSerial("42067", 42067, true);

        assertThat(parsed.date()).isEqualTo(LocalDate.of(2019, 3, 5));
    }
}
