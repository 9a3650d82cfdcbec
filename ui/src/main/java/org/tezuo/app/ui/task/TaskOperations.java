package org.tezuo.app.ui.task;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.tezuo.app.ui.approval.ApprovalCommands;
import org.tezuo.app.ui.approval.OperationDialog;
import org.tezuo.app.security.CurrentUser;
import org.tezuo.app.ui.form.FormContext.PersonChoice;
import org.tezuo.workflow.operation.ReturnTarget;
import org.tezuo.workflow.operation.SignerPosition;

/**
 * The dialogs of the task page for operations that need more than an opinion: return to a chosen step, transfer
 * (转办), delegate (委派), add a signer (加签) before or after, and remove a signer (减签).
 */
final class TaskOperations {

    private final TaskView view;
    private final ApprovalCommands commands;
    private final CurrentUser user;
    private final ApprovalCommands.OpenTask task;
    private final List<PersonChoice> persons;
    private final Locale locale;

    TaskOperations(TaskView view, ApprovalCommands commands, CurrentUser user, ApprovalCommands.OpenTask task,
            List<PersonChoice> persons, Locale locale) {
        this.view = view;
        this.locale = locale;
        this.commands = commands;
        this.user = user;
        this.task = task;
        this.persons = persons.stream().filter(person -> !person.username().equals(user.username())).toList();
    }

    /** Asks for the step to return to, from the engine's list of earlier steps, and the required reason. */
    void openReturn() {
        List<ReturnTarget> targets = commands.returnTargets(user, task);
        Select<ReturnTarget> target = new Select<>();
        target.setId("return-target");
        target.setLabel(view.getTranslation("task.returnTo.target"));
        target.setItems(targets);
        target.setItemLabelGenerator(choice -> choice.applicant() ? view.getTranslation("task.returnTo.applicant")
                : choice.name().in(locale));
        target.setWidthFull();
        targets.stream().filter(ReturnTarget::applicant).findFirst().ifPresent(target::setValue);
        OperationDialog dialog = new OperationDialog("dialog-return", view.getTranslation("task.returnTo"), true);
        dialog.with(target).confirm(view.getTranslation("task.returnTo"), () -> {
            if (target.getValue() == null) {
                return view.getTranslation("task.returnTo.target.required");
            }
            String missing = dialog.missingComment();
            if (missing != null) {
                return missing;
            }
            commands.returnTo(user, task, target.getValue(), dialog.comment());
            return null;
        }, () -> done("task.returned", true));
        dialog.open();
    }

    void openTransfer() {
        ComboBox<PersonChoice> to = personPicker("transfer-to", "task.transfer.to");
        OperationDialog dialog = new OperationDialog("dialog-transfer", view.getTranslation("task.transfer"), false);
        dialog.with(to).confirm(view.getTranslation("task.transfer"), () -> {
            String missing = requirePerson(to);
            if (missing != null) {
                return missing;
            }
            commands.transfer(user, task, to.getValue().username(), dialog.comment());
            return null;
        }, () -> done("task.transferred", true));
        dialog.open();
    }

    void openDelegate() {
        ComboBox<PersonChoice> to = personPicker("delegate-to", "task.delegate.to");
        OperationDialog dialog = new OperationDialog("dialog-delegate", view.getTranslation("task.delegate"), false);
        dialog.with(to).confirm(view.getTranslation("task.delegate"), () -> {
            String missing = requirePerson(to);
            if (missing != null) {
                return missing;
            }
            commands.delegate(user, task, to.getValue().username(), dialog.comment());
            return null;
        }, () -> done("task.delegated", true));
        dialog.open();
    }

    void openAddSigner() {
        ComboBox<PersonChoice> signer = personPicker("signer-to-add", "task.addSigner.who");
        RadioButtonGroup<SignerPosition> position = new RadioButtonGroup<>();
        position.setId("signer-position");
        position.setLabel(view.getTranslation("task.addSigner.position"));
        position.setItems(SignerPosition.values());
        position.setItemLabelGenerator(choice -> view.getTranslation("task.addSigner." + choice.name()));
        position.setValue(SignerPosition.BEFORE);
        OperationDialog dialog = new OperationDialog("dialog-add-signer", view.getTranslation("task.addSigner"),
                false);
        dialog.with(signer).with(position).confirm(view.getTranslation("task.addSigner"), () -> {
            String missing = requirePerson(signer);
            if (missing != null) {
                return missing;
            }
            commands.addSigner(user, task, signer.getValue().username(), position.getValue(), dialog.comment());
            return null;
        }, () -> done("task.signerAdded", false));
        dialog.open();
    }

    /** Offers the other open signers of the step; the engine refuses one who already decided or the last one. */
    void openRemoveSigner() {
        Select<String> signer = new Select<>();
        signer.setId("signer-to-remove");
        signer.setLabel(view.getTranslation("task.removeSigner.who"));
        signer.setItems(task.facts().otherSigners());
        signer.setItemLabelGenerator(this::displayName);
        signer.setWidthFull();
        OperationDialog dialog = new OperationDialog("dialog-remove-signer",
                view.getTranslation("task.removeSigner"), false);
        dialog.with(signer).confirm(view.getTranslation("task.removeSigner"), () -> {
            if (signer.getValue() == null) {
                return view.getTranslation("task.removeSigner.who.required");
            }
            commands.removeSigner(user, task, signer.getValue(), dialog.comment());
            return null;
        }, () -> done("task.signerRemoved", false));
        dialog.open();
    }

    private void done(String doneKey, boolean taskLeaves) {
        view.run(() -> {
        }, doneKey, taskLeaves);
    }

    private ComboBox<PersonChoice> personPicker(String id, String labelKey) {
        ComboBox<PersonChoice> picker = new ComboBox<>(view.getTranslation(labelKey));
        picker.setId(id);
        picker.setItems((person, filter) -> person.displayName().contains(filter)
                || person.username().contains(filter), persons);
        picker.setItemLabelGenerator(person -> view.getTranslation("task.person", person.displayName(),
                person.username()));
        picker.setRequired(true);
        picker.setWidthFull();
        picker.addValueChangeListener(event -> {
            if (event.getValue() != null) {
                picker.setInvalid(false);
            }
        });
        return picker;
    }

    private @Nullable String requirePerson(ComboBox<PersonChoice> picker) {
        if (picker.getValue() == null) {
            picker.setInvalid(true);
            picker.setErrorMessage(view.getTranslation("task.person.required"));
            return view.getTranslation("task.person.required");
        }
        return null;
    }

    private String displayName(String username) {
        return persons.stream().filter(person -> person.username().equals(username))
                .map(person -> view.getTranslation("task.person", person.displayName(), person.username()))
                .findFirst()
                .orElse(username);
    }
}
