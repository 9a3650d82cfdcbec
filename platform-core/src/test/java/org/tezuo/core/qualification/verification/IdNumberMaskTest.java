package org.tezuo.core.qualification.verification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdNumberMaskTest {

    @Test
    void idNumberInsideCertificateNumberIsMasked() {
        assertThat(IdNumberMask.mask("T32010219900101123X")).isEqualTo("T3201**********123X");
    }

    @Test
    void fifteenDigitIdNumberIsMasked() {
        assertThat(IdNumberMask.mask("320102900101123")).isEqualTo("3201*******1123");
    }

    @Test
    void shortNumbersAndTextStay() {
        assertThat(IdNumberMask.mask("焊接与热切割作业")).isEqualTo("焊接与热切割作业");
        assertThat(IdNumberMask.mask("2029-06-30")).isEqualTo("2029-06-30");
        assertThat(IdNumberMask.mask(null)).isNull();
    }
}
