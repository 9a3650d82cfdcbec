package org.tezuo.core.qualification.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IdNumberNormaliserTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 4);

    @ParameterizedTest(name = "\"{0}\" normalises to {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', ignoreLeadingAndTrailingWhitespace = false, textBlock = """
            32062319900214057X|32062319900214057X
            32062319900214057x|32062319900214057X
            ３２０６２３１９９００２１４０５７Ｘ|32062319900214057X
            ３２０６２３１９９００２１４０５７ｘ|32062319900214057X
            320623 19900214 057X|32062319900214057X
             320623　198509230318 |320623198509230318
            '320623198509230318|320623198509230318
            """)
    void unambiguousSpellingIsNormalised(String raw, String expected) {
        assertThat(IdNumberNormaliser.normalise(raw, TODAY)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "\"{0}\" is rejected")
    @CsvSource(delimiter = '|', textBlock = """
            320623198509230319|身份证号“320623198509230319”的校验位应为“8”而不是“9”（GB 11643 校验码），号码中多半有一位录错；请对照身份证逐位核对
            320623850923031|身份证号“320623850923031”是 15 位旧号码；请改填 18 位居民身份证号码
            32062319850923031|身份证号“32062319850923031”有 17 位，应为 18 位；请对照身份证核对号码
            32062319850923031A|身份证号“32062319850923031A”含有数字以外的字符（只有末位可以是 X）；请对照身份证核对号码
            320623198513300318|身份证号“320623198513300318”中的出生日期“19851330”不存在；请对照身份证核对第 7 至 14 位
            320623202709230318|身份证号“320623202709230318”中的出生日期 2027-09-23 不可能（早于 1900 年或晚于今天）；请对照身份证核对第 7 至 14 位
            """)
    void wrongNumberIsRejected(String raw, String expectedMessage) {
        assertThatThrownBy(() -> IdNumberNormaliser.normalise(raw, TODAY))
                .isInstanceOfSatisfying(InvalidLedgerValueException.class,
                        e -> assertThat(e.message(Locale.SIMPLIFIED_CHINESE)).isEqualTo(expectedMessage));
    }

    @Test
    void wrongCheckCharacterIsExplainedInEnglish() {
        assertThatThrownBy(() -> IdNumberNormaliser.normalise("320623198509230319", TODAY))
                .hasMessage("ID number \"320623198509230319\" should end in the check character \"8\", not \"9\" "
                        + "(GB 11643), so one digit is probably mistyped; check it digit by digit against the ID card");
    }

    @Test
    void checkCharacterFollowsIso7064Mod112() {
        assertThat(IdNumberNormaliser.checkCharacter("11010519491231002")).isEqualTo('X');
        assertThat(IdNumberNormaliser.checkCharacter("32062319780412013")).isEqualTo('3');
    }
}
