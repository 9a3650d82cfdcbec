package org.tezuo.app.ui.designer;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.tezuo.core.rules.MvelExpressionCompiler;
import org.tezuo.form.check.FormDocumentCheck;
import org.tezuo.form.definition.FieldWidget;
import org.tezuo.form.definition.FormDefinitionParser;
import org.tezuo.metadata.MetaSchemaViolation;

/** Field keys, visibility conditions, options and limits as the property panel checks them. */
class DesignCheckerTest {

    private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    private final DesignChecker checker = new DesignChecker(new MvelExpressionCompiler(), new FormDefinitionParser(),
            new FormDocumentCheck(new FormDefinitionParser(), new MvelExpressionCompiler()), DesignFixtures.CAPTIONS);
    private final FormDesign design = withFields(
            DesignFixtures.TEMPLATES.create(FieldWidget.SELECT, "grade"),
            DesignFixtures.TEMPLATES.create(FieldWidget.NUMBER, "height"),
            DesignFixtures.TEMPLATES.create(FieldWidget.TEXT, "note"));

    @Test
    void conditionOverOtherFieldsCompiles() {
        assertThat(checker.conditionProblem(design, "note", "grade == '特级' && height > 2", CHINESE)).isEmpty();
    }

    @Test
    void blankConditionIsAccepted() {
        assertThat(checker.conditionProblem(design, "note", "  ", CHINESE)).isEmpty();
    }

    @Test
    void conditionWithUnknownFieldNamesIt() {
        assertThat(checker.conditionProblem(design, "note", "level > 2", CHINESE)).hasValueSatisfying(message ->
                assertThat(message).contains("未定义的字段“level”").contains("grade").contains("height"));
    }

    @Test
    void conditionOnItselfIsRejected() {
        assertThat(checker.conditionProblem(design, "note", "note == 'x'", CHINESE)).hasValueSatisfying(message ->
                assertThat(message).isEqualTo("条件读取了字段“note”自身的值；请改用其他字段"));
    }

    @Test
    void conditionWithClassReferenceIsRejected() {
        assertThat(checker.conditionProblem(design, "note", "System.exit(0) == null", CHINESE))
                .hasValueSatisfying(message -> assertThat(message).contains("System"));
    }

    @Test
    void conditionMessageFollowsLocale() {
        assertThat(checker.conditionProblem(design, "note", "level > 2", Locale.ENGLISH))
                .hasValueSatisfying(message -> assertThat(message).contains("level").doesNotContain("未定义"));
    }

    @Test
    void conditionNamingFieldInQuotesIsAccepted() {
        assertThat(checker.conditionProblem(design, "note", "grade == 'note'", CHINESE)).isEmpty();
    }

    @Test
    void columnConditionMayReadRow() {
        FormDesign withTable = new DesignCommand.AddField(DesignFixtures.TEMPLATES.create(FieldWidget.TABLE,
                "table1"), 0, 0).applyTo(design);

        assertThat(checker.conditionProblem(withTable, "table1.content", "row.content == '是'", CHINESE)).isEmpty();
        assertThat(checker.conditionProblem(withTable, "note", "row.content == '是'", CHINESE)).isPresent();
    }

    @Test
    void unparsableDesignFallsBackToCompiler() {
        FormDesign broken = new DesignCommand.ReplaceField("grade", design.field("grade").orElseThrow()
                .withOptions(List.of())).applyTo(design);

        assertThat(checker.conditionProblem(broken, "note", "height > 2", CHINESE)).isEmpty();
        assertThat(checker.conditionProblem(broken, "note", "level > 2", CHINESE)).hasValueSatisfying(message ->
                assertThat(message).contains("“level”不是可用变量"));
    }

    @Test
    void requiredWhenAndComputedProblemsCarryPaths() {
        FieldDesign note = design.field("note").orElseThrow().withRequiredWhen("level > 2").withComputed("depth");
        FormDesign broken = new DesignCommand.ReplaceField("note", note).applyTo(design);

        List<MetaSchemaViolation> problems = checker.problems(broken, CHINESE);

        assertThat(problems).extracting(MetaSchemaViolation::path).containsExactly(
                "/schema/properties/note/x-requiredWhen", "/schema/properties/note/x-computed");
    }

    @Test
    void columnKeyChecks() {
        FieldDesign table = new FieldTemplates(DesignFixtures.CAPTIONS).create(FieldWidget.TABLE, "table1")
                .withLabel(new DesignLabel("作业人员", "Workers"));

        assertThat(checker.columnKeyProblem(table, "content", "content", CHINESE)).isEmpty();
        assertThat(checker.columnKeyProblem(table, "other", "content", CHINESE)).hasValue(
                "列标识“content”已被表格“作业人员”的其他列使用；请换一个");
        assertThat(checker.columnKeyProblem(table, "content", "Bad", CHINESE)).isPresent();
    }

    @Test
    void keyChecks() {
        assertThat(checker.keyProblem(design, "note", "remark", CHINESE)).isEmpty();
        assertThat(checker.keyProblem(design, "note", "note", CHINESE)).isEmpty();
        assertThat(checker.keyProblem(design, "note", "Remark", CHINESE)).hasValue(
                "字段标识“Remark”无效：须以小写字母开头，只含字母、数字和下划线，不超过 64 个字符");
        assertThat(checker.keyProblem(design, "note", "work-start", CHINESE)).isPresent();
        assertThat(checker.keyProblem(design, "note", "grade", CHINESE)).hasValue(
                "字段标识“grade”已被本表单的其他字段使用；请换一个");
        assertThat(checker.keyProblem(design, "note", "new", CHINESE)).hasValue(
                "字段标识“new”是规则语言的保留字，不能作变量名；请换一个");
    }

    @Test
    void optionChecks() {
        FieldDesign select = design.field("grade").orElseThrow();

        assertThat(checker.optionsProblem(select, CHINESE)).isEmpty();
        assertThat(checker.optionsProblem(select.withOptions(List.of()), CHINESE)).isPresent();
        assertThat(checker.optionsProblem(select.withOptions(List.of(
                new OptionDesign("a", new DesignLabel("甲", "")), new OptionDesign("a", new DesignLabel("乙", "")))),
                CHINESE)).hasValue("选项存储值“a”重复；每个选项的存储值须不同");
    }

    @Test
    void minimumAboveMaximumIsReported() {
        FieldDesign number = design.field("height").orElseThrow()
                .withLimits(new BigDecimal("10"), new BigDecimal("2"), null);

        assertThat(checker.limitsProblem(number, CHINESE)).hasValue("最小值 10 大于最大值 2；请调换或修改");
    }

    @Test
    void problemsCarryPaths() {
        FieldDesign note = design.field("note").orElseThrow().withVisibleWhen("level > 2");
        FormDesign broken = new DesignCommand.ReplaceField("note", note).applyTo(design);

        List<MetaSchemaViolation> problems = checker.problems(broken, CHINESE);

        assertThat(problems).extracting(MetaSchemaViolation::path)
                .containsExactly("/schema/properties/note/x-visibleWhen");
    }

    private static FormDesign withFields(FieldDesign... fields) {
        FormDesign result = DesignFixtures.blank();
        for (FieldDesign field : fields) {
            result = new DesignCommand.AddField(field, 0, result.fields().size()).applyTo(result);
        }
        return result;
    }
}
