package org.tezuo.core.qualification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tezuo.core.privacy.IdNumberMask;

class PersonTest {

    @Test
    @DisplayName("The masked ID number of an 18-character number keeps four characters at each end")
    void eighteenCharacters() {
        assertThat(person("32010219880506123X").maskedIdNumber()).isEqualTo("3201**********123X");
    }

    @Test
    @DisplayName("The masked ID number of a 15-digit number follows the rule of notices and reports")
    void fifteenDigits() {
        String masked = person("320102880506123").maskedIdNumber();

        assertThat(masked).isEqualTo("3201*******6123");
        assertThat(masked).isEqualTo(IdNumberMask.mask("320102880506123"));
    }

    @Test
    @DisplayName("A short ID number is masked completely")
    void shortNumber() {
        assertThat(person("3201021").maskedIdNumber()).isEqualTo("****");
    }

    @Test
    @DisplayName("A full-width ID number is masked in ASCII characters")
    void fullWidth() {
        assertThat(person("３２０１０２１９８８０５０６１２３ｘ").maskedIdNumber()).isEqualTo("3201**********123X");
    }

    private static Person person(String idNumber) {
        return new Person(1, 1, "王芳", "女", idNumber, "维修班", "电工", false, null, false);
    }
}
