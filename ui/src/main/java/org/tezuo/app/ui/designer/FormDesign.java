package org.tezuo.app.ui.designer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.IntStream;
import tools.jackson.databind.node.ObjectNode;

/**
 * One state of a form document in the designer. It never changes: a {@link DesignCommand} returns the next
 * state, which is what makes undo and redo a matter of keeping earlier states.
 *
 * @param title form title
 * @param fields the top-level fields in schema order, including any that no section shows
 * @param sections the layout
 * @param rest every other part of the body (permit type, source, bindings, rules, other schema keywords), kept
 *     unchanged; the accessor returns a copy
 */
public record FormDesign(DesignLabel title, List<FieldDesign> fields, List<SectionDesign> sections, ObjectNode rest) {

    /** Top-level property of a form body that names the entity storing its submissions as records. */
    public static final String ENTITY = "entity";

    public FormDesign {
        fields = List.copyOf(fields);
        sections = List.copyOf(sections);
        rest = rest.deepCopy();
    }

    @Override
    public ObjectNode rest() {
        return rest.deepCopy();
    }

    /** Returns the name of the entity whose records the form's submissions become, if the form names one. */
    public Optional<String> entity() {
        return Optional.ofNullable(rest.path(ENTITY).stringValue(null));
    }

    public Optional<FieldDesign> field(String key) {
        return fields.stream().filter(field -> field.key().equals(key)).findFirst();
    }

    /** Returns the index of the section that shows the field {@code key}. */
    public OptionalInt sectionOf(String key) {
        return IntStream.range(0, sections.size())
                .filter(index -> sections.get(index).fieldKeys().contains(key))
                .findFirst();
    }

    /** Returns the first key of the form {@code <prefix><n>}, n = 1, 2, …, that no field has. */
    public String unusedKey(String prefix) {
        int number = 1;
        while (field(prefix + number).isPresent()) {
            number++;
        }
        return prefix + number;
    }

    FormDesign withTitle(DesignLabel newTitle) {
        return new FormDesign(newTitle, fields, sections, rest);
    }

    FormDesign withFields(List<FieldDesign> newFields) {
        return new FormDesign(title, newFields, sections, rest);
    }

    FormDesign withRest(ObjectNode newRest) {
        return new FormDesign(title, fields, sections, newRest);
    }

    FormDesign withSections(List<SectionDesign> newSections) {
        return new FormDesign(title, fields, newSections, rest);
    }

    /** Returns the sections with {@code key} taken out of whichever section shows it. */
    List<SectionDesign> sectionsWithout(String key) {
        List<SectionDesign> result = new ArrayList<>();
        for (SectionDesign section : sections) {
            List<String> keys = new ArrayList<>(section.fieldKeys());
            keys.remove(key);
            result.add(section.withFieldKeys(keys));
        }
        return result;
    }
}
