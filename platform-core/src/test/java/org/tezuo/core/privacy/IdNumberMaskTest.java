package org.tezuo.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdNumberMaskTest {

    @Test
    void eighteenCharacterNumberKeepsBothEnds() {
        String masked = IdNumberMask.mask("张三（身份证 11010519491231002X）的证书将到期");

        assertThat(masked).isEqualTo("张三（身份证 1101**********002X）的证书将到期");
    }

    @Test
    void fifteenDigitNumberIsMasked() {
        assertThat(IdNumberMask.mask("旧证号 110105491231002")).isEqualTo("旧证号 1101*******1002");
    }

    @Test
    void everyNumberInTextIsMasked() {
        String masked = IdNumberMask.mask("证号 T110105199003071234 与 32010219800101123x");

        assertThat(masked).isEqualTo("证号 T1101**********1234 与 3201**********123x");
    }

    @Test
    void otherNumbersStayReadable() {
        String text = "手机 13800138000，证书 T20230001，订单 1234567890123456789012，日期 2026-12-31";

        assertThat(IdNumberMask.mask(text)).isEqualTo(text);
    }

    @Test
    void nullStaysNull() {
        assertThat(IdNumberMask.mask(null)).isNull();
    }
}
