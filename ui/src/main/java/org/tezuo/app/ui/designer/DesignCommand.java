package org.tezuo.app.ui.designer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.tezuo.form.definition.FieldWidget;
import tools.jackson.databind.node.ObjectNode;

/**
 * One change an administrator makes to a form design. Commands are values: {@link DesignHistory} applies them
 * and keeps the state before each, so any command can be undone. A command that does not fit the design (an
 * unknown key, an index out of range) throws {@link IllegalArgumentException} and changes nothing.
 */
public sealed interface DesignCommand {

    /** Returns the design after this change; {@code design} itself is left as it was. */
    FormDesign applyTo(FormDesign design);

    /** Adds a new field to a section at {@code position} (0 puts it first, the field count puts it last). */
    record AddField(FieldDesign field, int section, int position) implements DesignCommand {

        @Override
        public FormDesign applyTo(FormDesign design) {
            if (design.field(field.key()).isPresent()) {
                throw new IllegalArgumentException("The form already has a field called " + field.key());
            }
            List<FieldDesign> fields = new ArrayList<>(design.fields());
            fields.add(field);
            return design.withFields(fields).withSections(insert(design.sections(), field.key(), section, position));
        }
    }

    /**
     * Moves a field to {@code position} of a section, counted among the fields that remain once it is taken out
     * of its current place.
     */
    record MoveField(String key, int section, int position) implements DesignCommand {

        @Override
        public FormDesign applyTo(FormDesign design) {
            requireField(design, key);
            return design.withSections(insert(design.sectionsWithout(key), key, section, position));
        }
    }

    /** Removes a field from the schema and the layout. */
    record RemoveField(String key) implements DesignCommand {

        @Override
        public FormDesign applyTo(FormDesign design) {
            requireField(design, key);
            List<FieldDesign> fields = new ArrayList<>(design.fields());
            fields.removeIf(field -> field.key().equals(key));
            return design.withFields(fields).withSections(design.sectionsWithout(key));
        }
    }

    /** Replaces the field {@code key} with {@code replacement}; a changed key is renamed in the layout too. */
    record ReplaceField(String key, FieldDesign replacement) implements DesignCommand {

        @Override
        public FormDesign applyTo(FormDesign design) {
            requireField(design, key);
            if (!replacement.key().equals(key) && design.field(replacement.key()).isPresent()) {
                throw new IllegalArgumentException("The form already has a field called " + replacement.key());
            }
            List<FieldDesign> fields = design.fields().stream()
                    .map(field -> field.key().equals(key) ? replacement : field)
                    .toList();
            List<SectionDesign> sections = design.sections().stream()
                    .map(section -> section.withFieldKeys(section.fieldKeys().stream()
                            .map(fieldKey -> fieldKey.equals(key) ? replacement.key() : fieldKey)
                            .toList()))
                    .toList();
            return design.withFields(fields).withSections(sections);
        }
    }

    /** Adds a column to the table field {@code table} at {@code position} (0 puts it first). */
    record AddColumn(String table, FieldDesign column, int position) implements DesignCommand {

        @Override
        public FormDesign applyTo(FormDesign design) {
            return changeColumns(design, table, columns -> {
                if (indexOfColumn(columns, column.key()) >= 0) {
                    throw new IllegalArgumentException("The table " + table + " already has a column called "
                            + column.key());
                }
                columns.add(Math.clamp(position, 0, columns.size()), column);
            });
        }
    }

    /** Replaces the column {@code column} of a table; a changed key must not be used by another column. */
    record ReplaceColumn(String table, String column, FieldDesign replacement) implements DesignCommand {

        @Override
        public FormDesign applyTo(FormDesign design) {
            return changeColumns(design, table, columns -> {
                int index = requireColumn(columns, table, column);
                if (!replacement.key().equals(column) && indexOfColumn(columns, replacement.key()) >= 0) {
                    throw new IllegalArgumentException("The table " + table + " already has a column called "
                            + replacement.key());
                }
                columns.set(index, replacement);
            });
        }
    }

    /** Removes the column {@code column} of a table. */
    record RemoveColumn(String table, String column) implements DesignCommand {

        @Override
        public FormDesign applyTo(FormDesign design) {
            return changeColumns(design, table, columns -> columns.remove(requireColumn(columns, table, column)));
        }
    }

    /** Moves a column to {@code position}, counted among the columns that remain once it is taken out. */
    record MoveColumn(String table, String column, int position) implements DesignCommand {

        @Override
        public FormDesign applyTo(FormDesign design) {
            return changeColumns(design, table, columns -> {
                FieldDesign moved = columns.remove(requireColumn(columns, table, column));
                columns.add(Math.clamp(position, 0, columns.size()), moved);
            });
        }
    }

    /** Sets the fewest and most rows of a table ({@code minItems}, {@code maxItems}); null removes a limit. */
    record EditRows(String table, @Nullable Integer minRows, @Nullable Integer maxRows) implements DesignCommand {

        @Override
        public FormDesign applyTo(FormDesign design) {
            FieldDesign field = requireTable(design, table);
            return new ReplaceField(table, field.withRows(minRows, maxRows)).applyTo(design);
        }
    }

    /** Adds a section after the last one. */
    record AddSection(SectionDesign section) implements DesignCommand {

        @Override
        public FormDesign applyTo(FormDesign design) {
            List<SectionDesign> sections = new ArrayList<>(design.sections());
            sections.add(section);
            return design.withSections(sections);
        }
    }

    /** Removes a section together with the fields it shows. */
    record RemoveSection(int index) implements DesignCommand {

        @Override
        public FormDesign applyTo(FormDesign design) {
            requireSection(design, index);
            List<String> removedKeys = design.sections().get(index).fieldKeys();
            List<SectionDesign> sections = new ArrayList<>(design.sections());
            sections.remove(index);
            List<FieldDesign> fields = design.fields().stream()
                    .filter(field -> !removedKeys.contains(field.key()))
                    .toList();
            return design.withFields(fields).withSections(sections);
        }
    }

    /** Changes the heading and column count of a section, keeping its fields. */
    record EditSection(int index, DesignLabel title, int columns) implements DesignCommand {

        @Override
        public FormDesign applyTo(FormDesign design) {
            requireSection(design, index);
            List<SectionDesign> sections = new ArrayList<>(design.sections());
            sections.set(index, new SectionDesign(title, columns, sections.get(index).fieldKeys()));
            return design.withSections(sections);
        }
    }

    /** Changes the form title. */
    record EditTitle(DesignLabel title) implements DesignCommand {

        @Override
        public FormDesign applyTo(FormDesign design) {
            return design.withTitle(title);
        }
    }

    /** Names the entity whose records the form's submissions become, or with null stores them nowhere. */
    record EditEntity(@Nullable String entity) implements DesignCommand {

        @Override
        public FormDesign applyTo(FormDesign design) {
            ObjectNode rest = design.rest();
            if (entity == null || entity.isBlank()) {
                rest.remove(FormDesign.ENTITY);
            } else {
                rest.put(FormDesign.ENTITY, entity);
            }
            return design.withRest(rest);
        }
    }

    /** Applies several commands as one step, so that one undo reverts them all. */
    record Sequence(List<DesignCommand> commands) implements DesignCommand {

        public Sequence {
            commands = List.copyOf(commands);
        }

        @Override
        public FormDesign applyTo(FormDesign design) {
            FormDesign result = design;
            for (DesignCommand command : commands) {
                result = command.applyTo(result);
            }
            return result;
        }
    }

    private static List<SectionDesign> insert(List<SectionDesign> sections, String key, int section, int position) {
        if (section < 0 || section >= sections.size()) {
            throw new IllegalArgumentException("No section " + section + " in a form of " + sections.size());
        }
        List<SectionDesign> result = new ArrayList<>(sections);
        List<String> keys = new ArrayList<>(result.get(section).fieldKeys());
        keys.add(Math.clamp(position, 0, keys.size()), key);
        result.set(section, result.get(section).withFieldKeys(keys));
        return result;
    }

    private static FormDesign changeColumns(FormDesign design, String table, Consumer<List<FieldDesign>> change) {
        FieldDesign field = requireTable(design, table);
        List<FieldDesign> columns = new ArrayList<>(field.columns());
        change.accept(columns);
        return new ReplaceField(table, field.withColumns(columns)).applyTo(design);
    }

    private static FieldDesign requireTable(FormDesign design, String key) {
        requireField(design, key);
        FieldDesign field = design.field(key).orElseThrow();
        if (field.widget() != FieldWidget.TABLE) {
            throw new IllegalArgumentException("The field " + key + " is not a table");
        }
        return field;
    }

    private static int indexOfColumn(List<FieldDesign> columns, String key) {
        return IntStream.range(0, columns.size())
                .filter(index -> columns.get(index).key().equals(key))
                .findFirst()
                .orElse(-1);
    }

    private static int requireColumn(List<FieldDesign> columns, String table, String key) {
        int index = indexOfColumn(columns, key);
        if (index < 0) {
            throw new IllegalArgumentException("The table " + table + " has no column called " + key);
        }
        return index;
    }

    private static void requireField(FormDesign design, String key) {
        if (design.field(key).isEmpty()) {
            throw new IllegalArgumentException("The form has no field called " + key);
        }
    }

    private static void requireSection(FormDesign design, int index) {
        if (index < 0 || index >= design.sections().size()) {
            throw new IllegalArgumentException("No section " + index + " in a form of " + design.sections().size());
        }
    }
}
