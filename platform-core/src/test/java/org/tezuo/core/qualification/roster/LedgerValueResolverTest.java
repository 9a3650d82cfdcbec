package org.tezuo.core.qualification.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LedgerValueResolverTest {

    private final LedgerValueResolver resolver = new LedgerValueResolver(LngTerminalEntity.profile());

    @ParameterizedTest(name = "{0} / \"{1}\" resolves to {2} / {3}")
    @CsvSource(delimiter = '|', textBlock = """
            电焊|''|焊接与热切割作业|熔化焊接与热切割作业
            电焊工|''|焊接与热切割作业|熔化焊接与热切割作业
            焊工|''|焊接与热切割作业|熔化焊接与热切割作业
            电焊工证|''|焊接与热切割作业|熔化焊接与热切割作业
            焊接与热切割作业|熔化焊接与热切割|焊接与热切割作业|熔化焊接与热切割作业
            焊接与热切割作业|电焊|焊接与热切割作业|熔化焊接与热切割作业
            低压电工|''|电工作业|低压电工作业
            高压电工|''|电工作业|高压电工作业
            电工|低压电工作业|电工作业|低压电工作业
            电工作业|低压|电工作业|低压电工作业
            低压电工作业|''|电工作业|低压电工作业
            登高|''|高处作业|登高架设作业
            架子工|''|高处作业|登高架设作业
            高处作业|高处安装维护拆除作业|高处作业|高处安装、维护、拆除作业
            制冷|制冷与空调设备运行操作作业|制冷与空调作业|制冷与空调设备运行操作作业
            仪表工|''|危险化学品安全作业|化工自动化控制仪表作业
            危险化学品安全作业|裂解(裂化)工艺作业|危险化学品安全作业|裂解（裂化）工艺作业
            """)
    void colloquialWordResolvesToOfficialValues(String rawCategory, String rawItem, String category, String item) {
        String resolvedCategory = resolver.resolveCategory(rawCategory);
        String resolvedItem = resolver.resolveItem(resolvedCategory, rawCategory, rawItem);

        assertThat(resolvedCategory).isEqualTo(category);
        assertThat(resolvedItem).isEqualTo(item);
    }

    @Test
    void unknownCategoryIsRejectedWithAcceptedValues() {
        assertThatThrownBy(() -> resolver.resolveCategory("锅炉工"))
                .isInstanceOfSatisfying(InvalidLedgerValueException.class, e -> assertThat(
                        e.message(Locale.SIMPLIFIED_CHINESE)).isEqualTo("作业类别“锅炉工”无法识别；请填写特种作业目录中的作业类别："
                                + "电工作业、焊接与热切割作业、高处作业、制冷与空调作业、危险化学品安全作业（也可填写 电焊、低压电工、登高 等常用说法）"));
    }

    @Test
    void electricianWithoutItemIsAmbiguous() {
        assertThatThrownBy(() -> resolver.resolveItem("电工作业", "电工", ""))
                .isInstanceOfSatisfying(InvalidLedgerValueException.class, e -> assertThat(
                        e.message(Locale.SIMPLIFIED_CHINESE)).isEqualTo("缺少操作项目，作业类别“电工”（电工作业）无法确定具体项目；"
                                + "请在操作项目列填写 高压电工作业、低压电工作业、防爆电气作业 之一"));
    }

    @Test
    void refrigerationWithoutItemIsAmbiguous() {
        assertThatThrownBy(() -> resolver.resolveItem("制冷与空调作业", "制冷", null))
                .isInstanceOfSatisfying(InvalidLedgerValueException.class, e -> assertThat(
                        e.message(Locale.SIMPLIFIED_CHINESE)).isEqualTo("缺少操作项目，作业类别“制冷”（制冷与空调作业）无法确定具体项目；"
                                + "请在操作项目列填写 制冷与空调设备运行操作作业、制冷与空调设备安装修理作业 之一"));
    }

    @Test
    void itemOfAnotherCategoryIsRejected() {
        assertThatThrownBy(() -> resolver.resolveItem("电工作业", "电工作业", "熔化焊接与热切割作业"))
                .isInstanceOfSatisfying(InvalidLedgerValueException.class, e -> assertThat(
                        e.message(Locale.SIMPLIFIED_CHINESE)).isEqualTo("操作项目“熔化焊接与热切割作业”（熔化焊接与热切割作业）属于作业类别"
                                + "“焊接与热切割作业”，与本行的“电工作业”不符；请核对作业类别，或填写 高压电工作业、低压电工作业、防爆电气作业 之一"));
    }

    @Test
    void unknownItemIsRejectedWithItemsOfCategory() {
        assertThatThrownBy(() -> resolver.resolveItem("焊接与热切割作业", "焊接与热切割作业", "气体保护焊"))
                .isInstanceOfSatisfying(InvalidLedgerValueException.class, e -> assertThat(
                        e.message(Locale.SIMPLIFIED_CHINESE)).isEqualTo("操作项目“气体保护焊”无法识别；作业类别“焊接与热切割作业”的操作项目为 "
                                + "熔化焊接与热切割作业、压力焊作业、钎焊作业，请填写其中之一"));
    }

    @Test
    void genderSynonymResolves() {
        assertThat(resolver.resolve(LedgerField.GENDER, "M")).isEqualTo("男");
        assertThat(resolver.resolve(LedgerField.GENDER, "女性")).isEqualTo("女");
    }

    @Test
    void unknownGenderIsRejected() {
        assertThatThrownBy(() -> resolver.resolve(LedgerField.GENDER, "未知"))
                .hasMessage("\"未知\" is not an accepted value of \"性别\"; use one of 男、女");
    }
}
