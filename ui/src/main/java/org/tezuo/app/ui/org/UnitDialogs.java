package org.tezuo.app.ui.org;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.tezuo.app.org.OrgDesigner;
import org.tezuo.app.org.OrgDirectory.OrgUnit;
import org.tezuo.app.org.UnitKind;

/**
 * The dialogs of the org designer's unit buttons: add, rename, move and remove. Each dialog closes only when the
 * change is accepted, so a rejected change keeps what the user typed next to the error.
 */
final class UnitDialogs {

    private final OrgDesignerView view;

    UnitDialogs(OrgDesignerView view) {
        this.view = view;
    }

    /** Opens the dialog for a new unit under {@code parent}, or a new top-level unit when none is selected. */
    void add(Optional<OrgUnit> parent) {
        Dialog dialog = dialog(parent.map(unit -> view.getTranslation("org.designer.dialog.add", unit.name()))
                .orElseGet(() -> view.getTranslation("org.designer.dialog.addRoot")));
        TextField code = textField("org-unit-code", "org.designer.field.code");
        TextField name = textField("org-unit-name", "org.designer.field.name");
        name.setMaxLength(OrgDesigner.MAX_NAME_LENGTH);
        Select<UnitKind> kind = new Select<>();
        kind.setId("org-unit-kind");
        kind.setLabel(view.getTranslation("org.designer.field.kind"));
        kind.setItems(UnitKind.values());
        kind.setItemLabelGenerator(known -> view.kindLabel(known.code()));
        kind.setValue(parent.isEmpty() ? UnitKind.COMPANY : UnitKind.TEAM);
        dialog.add(code, name, kind);

        confirm(dialog, "org.designer.save", () -> view.addUnit(parent.orElse(null), code.getValue(),
                name.getValue(), kind.getValue(), dialog::close));
        dialog.open();
    }

    void rename(OrgUnit unit) {
        Dialog dialog = dialog(view.getTranslation("org.designer.dialog.rename", unit.name()));
        TextField name = textField("org-unit-name", "org.designer.field.name");
        name.setMaxLength(OrgDesigner.MAX_NAME_LENGTH);
        name.setValue(unit.name());
        dialog.add(name);

        confirm(dialog, "org.designer.save", () -> view.renameUnit(unit, name.getValue(), dialog::close));
        dialog.open();
    }

    /** Opens the select-based alternative to dragging a unit onto its new parent. */
    void move(OrgUnit unit, Collection<OrgUnit> units) {
        Dialog dialog = dialog(view.getTranslation("org.designer.dialog.move", unit.name()));
        ComboBox<OrgUnit> target = new ComboBox<>(view.getTranslation("org.designer.field.target"));
        target.setId("org-move-target");
        target.setItemLabelGenerator(view::unitPath);
        target.setItems(units.stream().filter(candidate -> mayMoveUnder(unit, candidate, units))
                .sorted(Comparator.comparing(view::unitPath)).toList());
        target.setWidthFull();
        dialog.add(target);

        confirm(dialog, "org.designer.move", () -> {
            if (target.getValue() != null) {
                view.moveUnit(unit, target.getValue(), dialog::close);
            }
        });
        dialog.open();
    }

    /**
     * Returns whether {@code candidate} may become the parent of {@code unit}: not the unit or one of its
     * descendants, and of a kind that may contain the unit's kind. The designer checks again when saving.
     */
    private static boolean mayMoveUnder(OrgUnit unit, OrgUnit candidate, Collection<OrgUnit> units) {
        for (OrgUnit step = candidate; step != null; step = parentOf(step, units)) {
            if (step.id() == unit.id()) {
                return false;
            }
        }
        Optional<UnitKind> parentKind = UnitKind.fromCode(candidate.kind());
        Optional<UnitKind> childKind = UnitKind.fromCode(unit.kind());
        return parentKind.isEmpty() || childKind.isEmpty() || parentKind.get().mayContain(childKind.get());
    }

    private static @Nullable OrgUnit parentOf(OrgUnit unit, Collection<OrgUnit> units) {
        Long parentId = unit.parentId();
        return parentId == null ? null
                : units.stream().filter(candidate -> candidate.id() == parentId).findFirst().orElse(null);
    }

    void remove(OrgUnit unit) {
        Dialog dialog = dialog(view.getTranslation("org.designer.dialog.remove", unit.name()));
        dialog.add(new Paragraph(view.getTranslation("org.designer.dialog.removeText")));

        Button confirm = confirm(dialog, "org.designer.removeUnit", () -> view.removeUnit(unit, dialog::close));
        confirm.addThemeVariants(ButtonVariant.LUMO_ERROR);
        dialog.open();
    }

    private Dialog dialog(String title) {
        Dialog dialog = new Dialog(title);
        dialog.setId("org-unit-dialog");
        dialog.setWidth("28rem");
        Button cancel = new Button(view.getTranslation("org.designer.cancel"), event -> dialog.close());
        cancel.setId("org-dialog-cancel");
        dialog.getFooter().add(cancel);
        return dialog;
    }

    private Button confirm(Dialog dialog, String captionKey, Runnable action) {
        Button confirm = new Button(view.getTranslation(captionKey), event -> action.run());
        confirm.setId("org-dialog-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(confirm);
        return confirm;
    }

    private TextField textField(String id, String labelKey) {
        TextField field = new TextField(view.getTranslation(labelKey));
        field.setId(id);
        field.setWidthFull();
        return field;
    }
}
