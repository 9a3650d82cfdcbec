package org.tezuo.app.ui.designer;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.tezuo.form.definition.FieldWidget;

/**
 * The properties of what is selected on the canvas. A change is applied when the input is left (or a box is
 * ticked), as one undoable command. The key, the conditions and the formula are checked on every keystroke, and
 * the problem is shown under the input in the page's language. A table field adds a {@link ColumnEditor}.
 *
 * <p>Element ids: {@code prop-key}, {@code prop-label-zh}, {@code prop-label-en}, {@code prop-required},
 * {@code prop-minimum}, {@code prop-maximum}, {@code prop-unit}, {@code prop-max-length},
 * {@code prop-option-<n>-value|zh|en}, {@code prop-add-option}, {@code prop-ref-entity}, {@code prop-visible-when},
 * {@code prop-required-when}, {@code prop-computed}, {@code prop-section}, {@code prop-remove}; for a section {@code prop-section-title-zh|en}, {@code prop-columns},
 * {@code prop-remove-section}; for the form {@code prop-title-zh|en} and {@code prop-entity}.
 */
final class PropertyPanel extends Div {

    private final DesignActions actions;
    private final DesignChecker checker;

    PropertyPanel(DesignActions actions, DesignChecker checker) {
        this.actions = actions;
        this.checker = checker;
        setId("designer-properties");
        addClassName("tezuo-designer-properties");
    }

    /** Draws the inputs of the current selection again. */
    void redraw() {
        removeAll();
        FormDesign design = actions.design();
        switch (actions.selection()) {
            case DesignSelection.Form form -> formProperties(design);
            case DesignSelection.Section(int index) -> sectionProperties(design.sections().get(index), index);
            case DesignSelection.Field(String key) -> design.field(key).ifPresent(this::fieldProperties);
        }
    }

    private void formProperties(FormDesign design) {
        add(new H3(getTranslation("designer.properties.form")));
        TextField zh = text("prop-title-zh", "designer.prop.labelZh", design.title().zh());
        TextField en = text("prop-title-en", "designer.prop.labelEn", design.title().en());
        requireChinese(zh);
        onCommit(zh, () -> actions.execute(new DesignCommand.EditTitle(label(zh, en)), false));
        onCommit(en, () -> actions.execute(new DesignCommand.EditTitle(label(zh, en)), false));

        Select<String> entity = entitySelect("prop-entity", "designer.prop.entity", "designer.prop.entity.none",
                design.entity().orElse(null));
        onCommit(entity, () -> actions.execute(new DesignCommand.EditEntity(entity.getValue()), false));
        add(zh, en, entity);
    }

    /**
     * Creates a choice among the tenant's published entities that store records. A current name that is not
     * among them stays selectable, so that opening a form does not change it.
     */
    private Select<String> entitySelect(String id, String captionKey, String noneKey, @Nullable String current) {
        Map<String, String> entities = actions.recordEntities();
        Select<String> entity = new Select<>();
        entity.setId(id);
        entity.setLabel(getTranslation(captionKey));
        entity.setHelperText(getTranslation(captionKey + ".help"));
        List<String> names = new ArrayList<>(entities.keySet());
        if (current != null && !names.contains(current)) {
            names.add(current);
        }
        entity.setItems(names);
        entity.setItemLabelGenerator(name -> name == null ? getTranslation(noneKey)
                : entities.containsKey(name) ? getTranslation("designer.prop.entity.item", entities.get(name), name)
                : name);
        entity.setEmptySelectionAllowed(true);
        entity.setEmptySelectionCaption(getTranslation(noneKey));
        if (current != null) {
            entity.setValue(current);
        }
        entity.setWidthFull();
        return entity;
    }

    private void sectionProperties(SectionDesign section, int index) {
        add(new H3(getTranslation("designer.properties.section")));
        TextField zh = text("prop-section-title-zh", "designer.prop.labelZh", section.title().zh());
        TextField en = text("prop-section-title-en", "designer.prop.labelEn", section.title().en());
        requireChinese(zh);
        Select<Integer> columns = new Select<>();
        columns.setId("prop-columns");
        columns.setLabel(getTranslation("designer.prop.columns"));
        columns.setItems(IntStream.rangeClosed(1, SectionDesign.MAX_COLUMNS).boxed().toList());
        columns.setValue(section.columns());
        Runnable commit = () -> actions.execute(new DesignCommand.EditSection(index, label(zh, en),
                columns.getValue()), false);
        onCommit(zh, commit);
        onCommit(en, commit);
        onCommit(columns, commit);

        Button remove = new Button(getTranslation("designer.section.remove"), VaadinIcon.TRASH.create(), event -> {
            actions.execute(new DesignCommand.RemoveSection(index), false);
            actions.select(new DesignSelection.Form());
        });
        remove.setId("prop-remove-section");
        remove.addThemeVariants(ButtonVariant.LUMO_ERROR);
        add(zh, en, columns, remove);
    }

    private void fieldProperties(FieldDesign field) {
        add(new H3(getTranslation("designer.properties.field", getTranslation(
                FieldTemplates.captionKey(field.widget())))));

        TextField key = text("prop-key", "designer.prop.key", field.key());
        key.setHelperText(getTranslation("designer.prop.key.help"));
        key.setValueChangeMode(ValueChangeMode.EAGER);
        key.addValueChangeListener(event -> showProblem(key, keyProblem(event.getValue())));
        key.getElement().addEventListener("change", event -> {
            String typed = key.getValue().strip();
            if (keyProblem(typed).isEmpty()) {
                update(current -> current.withKey(typed));
            }
        });

        TextField zh = text("prop-label-zh", "designer.prop.labelZh", field.label().zh());
        TextField en = text("prop-label-en", "designer.prop.labelEn", field.label().en());
        requireChinese(zh);
        onCommit(zh, () -> update(current -> current.withLabel(label(zh, en))));
        onCommit(en, () -> update(current -> current.withLabel(label(zh, en))));

        Checkbox required = new Checkbox(getTranslation("designer.prop.required"), field.required());
        required.setId("prop-required");
        onCommit(required, () -> update(current -> current.withRequired(required.getValue())));
        add(key, zh, en, required);

        if (field.isNumeric()) {
            numberLimits(field);
        }
        if (field.isText()) {
            IntegerField maxLength = new IntegerField(getTranslation("designer.prop.maxLength"));
            maxLength.setId("prop-max-length");
            maxLength.setMin(1);
            maxLength.setValue(field.maxLength());
            maxLength.setWidthFull();
            onCommit(maxLength, () -> update(current -> current.withLimits(current.minimum(), current.maximum(),
                    maxLength.getValue())));
            add(maxLength);
        }
        if (field.widget() == FieldWidget.SELECT) {
            add(new OptionEditor(field.options(), options -> update(current -> current.withOptions(options))));
        }
        if (field.widget() == FieldWidget.TABLE) {
            add(new ColumnEditor(actions, checker, field));
        }
        if (field.widget() == FieldWidget.REFERENCE) {
            Select<String> entity = entitySelect("prop-ref-entity", "designer.prop.refEntity",
                    "designer.prop.refEntity.none", field.referencedEntity());
            onCommit(entity, () -> update(current -> current.withReferencedEntity(entity.getValue())));
            add(entity);
        }
        add(visibleWhen(field),
                conditionInput("prop-required-when", "designer.prop.requiredWhen",
                        getTranslation("designer.prop.requiredWhen.help"), field.requiredWhen(),
                        FieldDesign::withRequiredWhen),
                conditionInput("prop-computed", "designer.prop.computed",
                        getTranslation("designer.prop.computed.help"), field.computed(), FieldDesign::withComputed),
                sectionChoice(field));

        Button remove = new Button(getTranslation("designer.field.remove"), VaadinIcon.TRASH.create(), event -> {
            int section = actions.design().sectionOf(field.key()).orElse(0);
            actions.execute(new DesignCommand.RemoveField(currentKey()), false);
            actions.select(actions.design().sections().isEmpty() ? new DesignSelection.Form()
                    : new DesignSelection.Section(Math.min(section, actions.design().sections().size() - 1)));
        });
        remove.setId("prop-remove");
        remove.addThemeVariants(ButtonVariant.LUMO_ERROR);
        add(remove);
    }

    private void numberLimits(FieldDesign field) {
        BigDecimalField minimum = new BigDecimalField(getTranslation("designer.prop.minimum"));
        minimum.setId("prop-minimum");
        minimum.setValue(field.minimum());
        BigDecimalField maximum = new BigDecimalField(getTranslation("designer.prop.maximum"));
        maximum.setId("prop-maximum");
        maximum.setValue(field.maximum());
        maximum.setManualValidation(true);
        Runnable commit = () -> {
            update(current -> current.withLimits(minimum.getValue(), maximum.getValue(), current.maxLength()));
            currentField().ifPresent(current -> showProblem(maximum, checker.limitsProblem(current, getLocale())));
        };
        onCommit(minimum, commit);
        onCommit(maximum, commit);
        TextField unit = text("prop-unit", "designer.prop.unit", field.unit() == null ? "" : field.unit());
        unit.setHelperText(getTranslation("designer.prop.unit.help"));
        onCommit(unit, () -> update(current -> current.withUnit(unit.getValue())));
        minimum.setWidthFull();
        maximum.setWidthFull();
        add(minimum, maximum, unit);
    }

    private TextField visibleWhen(FieldDesign field) {
        List<String> others = actions.design().fields().stream()
                .map(FieldDesign::key)
                .filter(other -> !other.equals(field.key()))
                .toList();
        String help = getTranslation("designer.prop.visibleWhen.help",
                others.isEmpty() ? getTranslation("value.none") : String.join(", ", others));
        return conditionInput("prop-visible-when", "designer.prop.visibleWhen", help, field.visibleWhen(),
                FieldDesign::withVisibleWhen);
    }

    /**
     * Creates the input of one condition or formula of the selected field. The text is checked on every
     * keystroke by the form engine and applied when the input is left.
     */
    private TextField conditionInput(String id, String captionKey, String help, @Nullable String value,
            BiFunction<FieldDesign, String, FieldDesign> change) {
        TextField condition = text(id, captionKey, value == null ? "" : value);
        condition.setHelperText(help);
        condition.setValueChangeMode(ValueChangeMode.EAGER);
        condition.addValueChangeListener(event -> showProblem(condition, checker.conditionProblem(actions.design(),
                currentKey(), event.getValue(), getLocale())));
        condition.getElement().addEventListener("change",
                event -> update(current -> change.apply(current, condition.getValue())));
        showProblem(condition, checker.conditionProblem(actions.design(), currentKey(), condition.getValue(),
                getLocale()));
        return condition;
    }

    private Select<Integer> sectionChoice(FieldDesign field) {
        Select<Integer> section = new Select<>();
        section.setId("prop-section");
        section.setLabel(getTranslation("designer.prop.section"));
        List<SectionDesign> sections = actions.design().sections();
        section.setItems(IntStream.range(0, sections.size()).boxed().toList());
        section.setItemLabelGenerator(index -> sections.get(index).title().text(getLocale()));
        actions.design().sectionOf(field.key()).ifPresent(section::setValue);
        section.setWidthFull();
        section.addValueChangeListener(event -> {
            if (event.isFromClient() && event.getValue() != null) {
                int target = event.getValue();
                actions.execute(new DesignCommand.MoveField(currentKey(), target,
                        sections.get(target).fieldKeys().size()), false);
            }
        });
        return section;
    }

    /** Applies {@code change} to the selected field as one command; the canvas and preview follow. */
    private void update(UnaryOperator<FieldDesign> change) {
        String key = currentKey();
        actions.design().field(key).ifPresent(field -> {
            FieldDesign changed = change.apply(field);
            if (!changed.key().equals(key) && actions.design().field(changed.key()).isPresent()) {
                return;
            }
            actions.execute(new DesignCommand.ReplaceField(key, changed), false);
        });
    }

    private String currentKey() {
        return actions.selection() instanceof DesignSelection.Field(String key) ? key : "";
    }

    private Optional<FieldDesign> currentField() {
        return actions.design().field(currentKey());
    }

    private Optional<String> keyProblem(String typed) {
        return checker.keyProblem(actions.design(), currentKey(), typed.strip(), getLocale());
    }

    private TextField text(String id, String captionKey, String value) {
        return textInput(id, getTranslation(captionKey), value);
    }

    /** Creates a full-width text input whose problems the panel shows itself. */
    static TextField textInput(String id, String caption, String value) {
        TextField field = new TextField(caption);
        field.setId(id);
        field.setValue(value);
        field.setWidthFull();
        field.setManualValidation(true);
        return field;
    }

    private void requireChinese(TextField zh) {
        zh.addValueChangeListener(event -> showProblem(zh, event.getValue().isBlank()
                ? Optional.of(getTranslation("designer.check.labelMissing")) : Optional.empty()));
    }

    private static DesignLabel label(TextField zh, TextField en) {
        return new DesignLabel(zh.getValue(), en.getValue());
    }

    static <V> void onCommit(HasValue<?, V> input, Runnable commit) {
        input.addValueChangeListener(event -> {
            if (event.isFromClient()) {
                commit.run();
            }
        });
    }

    static void showProblem(HasValidation input, Optional<String> problem) {
        input.setErrorMessage(problem.orElse(null));
        input.setInvalid(problem.isPresent());
    }

    /**
     * The choices of a select field: a row per option with its stored value and its Chinese and English text,
     * and a button to add one. Every change hands the whole list to {@code commit}.
     */
    private final class OptionEditor extends Div {

        private final List<OptionDesign> options;
        private final Consumer<List<OptionDesign>> commit;

        OptionEditor(List<OptionDesign> initial, Consumer<List<OptionDesign>> commit) {
            this.options = new ArrayList<>(initial);
            this.commit = commit;
            addClassName("tezuo-designer-options");
            draw();
        }

        private void draw() {
            removeAll();
            add(new H3(getTranslation("designer.prop.options")));
            for (int index = 0; index < options.size(); index++) {
                add(row(index));
            }
            Button add = new Button(getTranslation("designer.prop.addOption"), VaadinIcon.PLUS.create(), event -> {
                int number = options.size() + 1;
                options.add(new OptionDesign("option" + number,
                        DesignLabel.caption(actions.captions(), "designer.default.option", number)));
                changed();
                draw();
            });
            add.setId("prop-add-option");
            add(add);
            currentField().ifPresent(field -> {
                Optional<String> problem = checker.optionsProblem(field, getLocale());
                problem.ifPresent(message -> {
                    Div error = new Div(message);
                    error.addClassName("tezuo-designer-error");
                    add(error);
                });
            });
        }

        private Div row(int index) {
            OptionDesign option = options.get(index);
            String prefix = "prop-option-" + index;
            TextField value = text(prefix + "-value", "designer.prop.optionValue", option.value());
            TextField zh = text(prefix + "-zh", "designer.prop.labelZh", option.label().zh());
            TextField en = text(prefix + "-en", "designer.prop.labelEn", option.label().en());
            Runnable edit = () -> {
                options.set(index, new OptionDesign(value.getValue(), label(zh, en)));
                changed();
            };
            onCommit(value, edit);
            onCommit(zh, edit);
            onCommit(en, edit);
            Button remove = new Button(VaadinIcon.TRASH.create(), event -> {
                options.remove(index);
                changed();
                draw();
            });
            remove.setId(prefix + "-remove");
            remove.setAriaLabel(getTranslation("designer.prop.removeOption"));
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            Div row = new Div(value, zh, en, remove);
            row.addClassName("tezuo-designer-option");
            return row;
        }

        private void changed() {
            commit.accept(List.copyOf(options));
        }
    }
}
