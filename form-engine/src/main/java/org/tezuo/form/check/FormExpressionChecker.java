package org.tezuo.form.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.tezuo.core.rules.ExpressionCompiler;
import org.tezuo.core.rules.InvalidExpressionException;
import org.tezuo.form.definition.FormDefinition;
import org.tezuo.form.definition.FormDefinitionProblem;
import org.tezuo.form.definition.FormField;
import org.tezuo.form.definition.FormRule;
import org.tezuo.form.definition.FormSection;
import org.tezuo.form.evaluation.ComputedOrder;
import org.tezuo.form.evaluation.ExpressionReferences;
import org.tezuo.form.evaluation.FormVariables;

/**
 * Checks every expression of a parsed form: that it reads only defined fields and context values, and that it
 * compiles in the rule language with exactly the variables it will have at run time. Also rejects cycles among
 * computed fields and top-level fields named like a context value.
 */
final class FormExpressionChecker {

    private final ExpressionCompiler compiler;

    FormExpressionChecker(ExpressionCompiler compiler) {
        this.compiler = compiler;
    }

    List<FormDefinitionProblem> check(FormDefinition form) {
        List<FormDefinitionProblem> problems = new ArrayList<>();
        for (FormField field : form.fields()) {
            if (FormVariables.isReserved(field.name())) {
                problems.add(FormDefinitionProblem.at(field.pointer(), "form.field.reservedName", field.name()));
            }
        }
        for (FormSection section : form.sections()) {
            String owner = section.title().zh();
            check(form, null, owner, section.pointer(), "x-visibleWhen", section.conditions().visibleWhen(),
                    problems);
            check(form, null, owner, section.pointer(), "x-requiredWhen", section.conditions().requiredWhen(),
                    problems);
        }
        for (FormField field : form.allFields()) {
            check(form, field, field.path(), field.pointer(), "x-visibleWhen", field.conditions().visibleWhen(),
                    problems);
            check(form, field, field.path(), field.pointer(), "x-requiredWhen", field.conditions().requiredWhen(),
                    problems);
            check(form, field, field.path(), field.pointer(), "x-computed", field.conditions().computed(),
                    problems);
            checkDefault(form, field, problems);
        }
        for (int index = 0; index < form.rules().size(); index++) {
            FormRule rule = form.rules().get(index);
            check(form, null, rule.id(), "/rules/" + index, "when", rule.when(), problems);
        }
        ComputedOrder.Result order = ComputedOrder.of(form);
        if (order.hasCycle()) {
            FormField first = form.fieldAt(order.cycle().getFirst()).orElseThrow();
            problems.add(FormDefinitionProblem.at(first.pointer() + "/x-computed", "form.computed.cycle",
                    String.join(" → ", order.cycle())));
        }
        return problems;
    }

    /**
     * Checks one condition as the designer types it, with the variables of the field at {@code fieldPath} (for
     * {@code row} inside tables) or of a top-level field when it is null.
     */
    List<FormDefinitionProblem> checkCondition(String expression, FormDefinition form, @Nullable String fieldPath) {
        FormField owner = fieldPath == null ? null : form.fieldAt(fieldPath).orElse(null);
        List<FormDefinitionProblem> problems = new ArrayList<>();
        check(form, owner, fieldPath == null ? "" : fieldPath, "", "x-visibleWhen", expression, problems);
        return problems;
    }

    private void check(FormDefinition form, @Nullable FormField field, String owner, String pointer, String keyword,
            @Nullable String expression, List<FormDefinitionProblem> problems) {
        if (expression == null) {
            return;
        }
        String at = pointer + "/" + keyword;
        boolean inRow = field != null && field.inRow();
        Set<String> variables = FormVariables.names(form, inRow);
        boolean referencesResolve = true;
        for (ExpressionReferences.Reference reference : ExpressionReferences.of(expression, form, field)) {
            if (reference.problem() != null) {
                referencesResolve = false;
                String available = "form.expression.unknownConstant".equals(reference.problem())
                        ? String.join(", ", form.constants().keySet())
                        : String.join(", ", variables);
                problems.add(FormDefinitionProblem.at(at, reference.problem(), owner, kind(keyword), expression,
                        reference.text(), available));
            }
        }
        if (referencesResolve) {
            compile(expression, variables, owner, at, keyword, problems);
        }
    }

    private void checkDefault(FormDefinition form, FormField field, List<FormDefinitionProblem> problems) {
        String source = field.defaultSource();
        if (source == null || FormVariables.CONTEXT_NAMES.contains(source)) {
            return;
        }
        String at = field.pointer() + "/x-default";
        Set<String> variables = FormVariables.contextNames();
        for (ExpressionReferences.Reference reference : ExpressionReferences.of(source, form, field)) {
            if (!variables.contains(reference.text())) {
                problems.add(FormDefinitionProblem.at(at, "form.default.readsField", field.path(), source,
                        reference.text()));
                return;
            }
        }
        compile(source, variables, field.path(), at, "x-default", problems);
    }

    private void compile(String expression, Set<String> variables, String owner, String at, String keyword,
            List<FormDefinitionProblem> problems) {
        try {
            compiler.compile(expression, variables);
        } catch (InvalidExpressionException e) {
            problems.add(FormDefinitionProblem.at(at, "form.expression.invalid", owner, kind(keyword), expression,
                    (FormDefinitionProblem.LocalizedReason) e::message));
        }
    }

    private static FormDefinitionProblem.LocalizedReason kind(String keyword) {
        return locale -> org.tezuo.core.i18n.UserMessages.render(FormDocumentCheck.BUNDLE, locale,
                "form.expression.kind." + keyword);
    }
}
