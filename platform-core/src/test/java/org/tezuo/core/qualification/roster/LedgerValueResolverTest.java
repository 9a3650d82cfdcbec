package org.tezuo.core.qualification.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tezuo.core.qualification.CertificateClass;

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
            叉车|''|场（厂）内专用机动车辆作业|叉车司机
            N1|''|场（厂）内专用机动车辆作业|叉车司机
            叉车证|''|场（厂）内专用机动车辆作业|叉车司机
            场(厂)内专用机动车辆作业|N1|场（厂）内专用机动车辆作业|叉车司机
            起重机|Q1|起重机作业|起重机指挥
            起重机作业|q2|起重机作业|起重机司机
            行车工|''|起重机作业|起重机司机
            锅炉|G1|锅炉作业|工业锅炉司炉
            G1|''|锅炉作业|工业锅炉司炉
            压力容器|R1|压力容器作业|快开门式压力容器操作
            电梯|''|电梯作业|电梯修理
            T|''|电梯作业|电梯修理
            """)
    void colloquialWordResolvesToOfficialValues(String rawCategory, String rawItem, String category, String item) {
        String resolvedCategory = resolver.resolveCategory(rawCategory);
        String resolvedItem = resolver.resolveItem(resolvedCategory, rawCategory, rawItem);

        assertThat(resolvedCategory).isEqualTo(category);
        assertThat(resolvedItem).isEqualTo(item);
    }

    @Test
    void unknownCategoryIsRejectedWithAcceptedValues() {
        assertThatThrownBy(() -> resolver.resolveCategory("潜水员"))
                .isInstanceOfSatisfying(InvalidLedgerValueException.class, e -> assertThat(
                        e.message(Locale.SIMPLIFIED_CHINESE)).isEqualTo("作业类别“潜水员”无法识别；请填写以下作业类别之一："
                                + "电工作业、焊接与热切割作业、高处作业、制冷与空调作业、危险化学品安全作业、特种设备安全管理、锅炉作业、"
                                + "压力容器作业、气瓶作业、电梯作业、起重机作业、场（厂）内专用机动车辆作业、安全附件维修作业、特种设备焊接作业"
                                + "（也可填写 电焊、低压电工、登高、叉车、N1 等常用说法或项目代号）"));
    }

    @ParameterizedTest(name = "category {0} with class cell \"{1}\" is {2}")
    @CsvSource(delimiter = '|', textBlock = """
            焊接与热切割作业|''|SPECIAL_OPERATION
            场（厂）内专用机动车辆作业|''|SPECIAL_EQUIPMENT
            起重机作业|特种设备|SPECIAL_EQUIPMENT
            电工作业|特种作业操作证|SPECIAL_OPERATION
            """)
    void categoryNamesCertificateClass(String category, String rawClass, CertificateClass expected) {
        assertThat(resolver.resolveClass(category, rawClass)).isEqualTo(expected);
    }

    @Test
    void classCellContradictingCategoryIsRejected() {
        assertThatThrownBy(() -> resolver.resolveClass("起重机作业", "特种作业操作证"))
                .isInstanceOfSatisfying(InvalidLedgerValueException.class, e -> assertThat(
                        e.message(Locale.SIMPLIFIED_CHINESE)).isEqualTo("作业类别“起重机作业”属于“特种设备作业人员证”，"
                                + "与本行证书类别“特种作业操作证”不符；请核对证书类别，或填写“特种作业操作证”的作业类别："
                                + "电工作业、焊接与热切割作业、高处作业、制冷与空调作业、危险化学品安全作业"));
    }

    @Test
    void craneWithoutItemIsAmbiguous() {
        assertThatThrownBy(() -> resolver.resolveItem("起重机作业", "起重机", ""))
                .isInstanceOfSatisfying(InvalidLedgerValueException.class, e -> assertThat(
                        e.message(Locale.SIMPLIFIED_CHINESE)).isEqualTo("缺少操作项目，作业类别“起重机”（起重机作业）无法确定具体项目；"
                                + "请在操作项目列填写 起重机指挥、起重机司机 之一"));
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
