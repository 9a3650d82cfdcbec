package org.tezuo.form.definition;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * One property of the form's data schema as a renderer and the validator see it.
 *
 * @param name property name in the data
 * @param label caption from {@code x-label}
 * @param type JSON Schema type of the value
 * @param widget input to render, from {@code x-widget} or inferred
 * @param required whether the enclosing object lists the property in {@code required}
 * @param format JSON Schema {@code format} such as {@code date-time}, or null
 * @param options allowed values of an {@code enum} in document order, empty when the field has none
 * @param children for a table the properties of one row, for a group its properties, otherwise empty
 * @param help hint shown under the input, from {@code x-help}, or null
 * @param patternHint the expected input in words, from {@code x-patternHint}, used when a value breaks
 *     {@code pattern}, or null
 * @param path dotted path from the data root without row indexes, for example {@code gasAnalyses.time}
 * @param pointer JSON pointer of the property in the form document, for example
 *     {@code /schema/properties/gasAnalyses/items/properties/time}
 * @param limits length, range, step, row-count limits and unit
 * @param conditions {@code x-visibleWhen}, {@code x-requiredWhen} and {@code x-computed}
 * @param defaultSource {@code x-default}: a context name or a rule-language expression, or null
 * @param inRow whether the field is a column of a table row (at any depth), so its expressions may read {@code row}
 */
public record FormField(
        String name,
        Label label,
        FieldType type,
        FieldWidget widget,
        boolean required,
        @Nullable String format,
        List<FieldOption> options,
        List<FormField> children,
        @Nullable Label help,
        @Nullable Label patternHint,
        String path,
        String pointer,
        FieldLimits limits,
        FieldConditions conditions,
        @Nullable String defaultSource,
        boolean inRow) {

    public FormField {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(path, "path");
        options = List.copyOf(options);
        children = List.copyOf(children);
    }

    /** Finds the row property or group property called {@code childName}. */
    public Optional<FormField> child(String childName) {
        return children.stream().filter(child -> child.name.equals(childName)).findFirst();
    }

    /** Finds the option whose stored value is {@code value}. */
    public Optional<FieldOption> option(String value) {
        return options.stream().filter(option -> option.value().equals(value)).findFirst();
    }

    /** Returns whether the server computes the value from {@code x-computed}. */
    public boolean isComputed() {
        return conditions.computed() != null;
    }

    /** Returns this field followed by all its descendants, depth first. */
    public Stream<FormField> selfAndDescendants() {
        return Stream.concat(Stream.of(this), children.stream().flatMap(FormField::selfAndDescendants));
    }
}
