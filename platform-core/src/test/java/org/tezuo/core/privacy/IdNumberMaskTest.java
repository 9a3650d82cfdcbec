package org.tezuo.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class IdNumberMaskTest {

    @Test
    @DisplayName("An 18-character number in text keeps its first and last four characters")
    void eighteenCharacterNumberKeepsBothEnds() {
        String masked = IdNumberMask.mask("张三（身份证 11010519491231002X）的证书将到期");

        assertThat(masked).isEqualTo("张三（身份证 1101**********002X）的证书将到期");
    }

    @Test
    @DisplayName("A 15-digit number in text keeps its first and last four digits")
    void fifteenDigitNumberIsMasked() {
        assertThat(IdNumberMask.mask("旧证号 110105491231002")).isEqualTo("旧证号 1101*******1002");
    }

    @Test
    @DisplayName("Every number in a text is masked, including one behind a certificate letter")
    void everyNumberInTextIsMasked() {
        String masked = IdNumberMask.mask("证号 T110105199003071234 与 32010219800101123x");

        assertThat(masked).isEqualTo("证号 T1101**********1234 与 3201**********123x");
    }

    @Test
    @DisplayName("A number typed in full-width digits is masked in text as well")
    void fullWidthNumberInTextIsMasked() {
        String masked = IdNumberMask.mask("身份证 １１０１０５１９４９１２３１００２Ｘ 已登记");

        assertThat(masked).isEqualTo("身份证 １１０１**********００２Ｘ 已登记");
    }

    @Test
    @DisplayName("Phone numbers, short certificate numbers, long digit runs and dates stay readable")
    void otherNumbersStayReadable() {
        String text = "手机 13800138000，证书 T20230001，订单 1234567890123456789012，日期 2026-12-31";

        assertThat(IdNumberMask.mask(text)).isEqualTo(text);
    }

    @Test
    @DisplayName("A null text stays null")
    void nullStaysNull() {
        assertThat(IdNumberMask.mask(null)).isNull();
    }

    @Test
    @DisplayName("A stored 18-character number shows its first and last four characters")
    void storedEighteenCharacterNumber() {
        assertThat(IdNumberMask.maskNumber("11010519491231002X")).isEqualTo("1101**********002X");
    }

    @Test
    @DisplayName("A stored 15-digit number shows its first and last four digits, as in text")
    void storedFifteenDigitNumber() {
        assertThat(IdNumberMask.maskNumber("110105491231002")).isEqualTo("1101*******1002");
        assertThat(IdNumberMask.maskNumber("110105491231002"))
                .isEqualTo(IdNumberMask.mask("110105491231002"));
    }

    @Test
    @DisplayName("A stored number in full-width characters with spaces is shown in ASCII with upper-case X")
    void storedFullWidthNumber() {
        assertThat(IdNumberMask.maskNumber("１１０１０５　１９４９１２３１００２ｘ")).isEqualTo("1101**********002X");
    }

    @Test
    @DisplayName("A stored value shorter than 15 characters is masked completely")
    void storedShortValue() {
        assertThat(IdNumberMask.maskNumber("12345678")).isEqualTo("****");
        assertThat(IdNumberMask.maskNumber("11010519491231")).isEqualTo("****");
        assertThat(IdNumberMask.maskNumber("")).isEqualTo("****");
    }
}
