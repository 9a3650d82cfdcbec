package org.tezuo.form.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.tezuo.core.i18n.UserMessages;
import org.tezuo.form.definition.FormDefinition;
import org.tezuo.form.definition.FormField;

/**
 * Names a data location by the labels users see: {@code $.gasAnalyses[1].time} becomes
 * {@code 气体分析 第2行 › 分析时间} in Chinese and {@code Gas analyses row 2 › Analysis time} in English. A property
 * the schema does not define is shown by its name; the root is shown as the form title.
 */
final class LabelPathResolver {

    private static final String SEPARATOR = " › ";

    private LabelPathResolver() {
    }

    static String labelPath(FormDefinition form, DataPath path, Locale locale) {
        if (path.segments().isEmpty()) {
            return form.title().text(locale);
        }
        List<String> parts = new ArrayList<>();
        Optional<FormField> field = Optional.empty();
        for (Object segment : path.segments()) {
            if (segment instanceof Integer index && !parts.isEmpty()) {
                String row = UserMessages.render(FormErrorMessages.BUNDLE, locale, "form.path.row",
                        String.valueOf(index + 1));
                parts.set(parts.size() - 1, parts.getLast() + " " + row);
                continue;
            }
            String name = String.valueOf(segment);
            field = field.isEmpty() && parts.isEmpty() ? form.field(name) : field.flatMap(f -> f.child(name));
            parts.add(field.map(f -> f.label().text(locale)).orElse(name));
        }
        return String.join(SEPARATOR, parts);
    }

    /** Finds the field definition at {@code path}, skipping array indexes. */
    static Optional<FormField> fieldAt(FormDefinition form, DataPath path) {
        Optional<FormField> field = Optional.empty();
        boolean first = true;
        for (Object segment : path.segments()) {
            if (segment instanceof Integer) {
                continue;
            }
            String name = (String) segment;
            field = first ? form.field(name) : field.flatMap(f -> f.child(name));
            first = false;
        }
        return field;
    }
}
