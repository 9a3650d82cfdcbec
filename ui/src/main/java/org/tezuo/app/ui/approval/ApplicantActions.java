package org.tezuo.app.ui.approval;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import org.tezuo.app.permit.Permit;
import org.tezuo.app.permit.PermitStatus;
import org.tezuo.app.security.CurrentUser;
import org.tezuo.app.ui.layout.Notices;

/**
 * The applicant's operations on their own permit in approval: withdraw (撤回), with a required reason, and urge
 * (催办) the open approvers. The workflow engine refuses a withdrawal after the first approval and an urge sooner
 * than its interval; the dialog shows its message.
 */
public class ApplicantActions extends Div {

    /** Returns whether the user may see the actions: the permit is the user's own and in approval. */
    public static boolean appliesTo(Permit permit, CurrentUser user) {
        return permit.status() == PermitStatus.IN_APPROVAL && permit.applicant().equals(user.username())
                && permit.processInstanceId() != null;
    }

    /**
     * @param refresh runs after an operation succeeded, so the page shows the new state and history
     */
    public ApplicantActions(ApprovalCommands commands, CurrentUser user, Permit permit, Runnable refresh) {
        setId("applicant-actions");
        addClassName("tezuo-actions");

        Button withdraw = new Button(getTranslation("permit.withdraw"), VaadinIcon.ARROW_BACKWARD.create(),
                event -> {
                    OperationDialog dialog = new OperationDialog("dialog-withdraw",
                            getTranslation("permit.withdraw"), true);
                    dialog.confirm(getTranslation("permit.withdraw"), () -> {
                        String missing = dialog.missingComment();
                        if (missing != null) {
                            return missing;
                        }
                        commands.withdraw(user, permit, dialog.comment());
                        return null;
                    }, () -> {
                        Notices.success(getTranslation("permit.withdrawn"));
                        refresh.run();
                    });
                    dialog.open();
                });
        withdraw.setId("withdraw-permit");
        withdraw.addThemeVariants(ButtonVariant.LUMO_ERROR);

        Button urge = new Button(getTranslation("permit.urge"), VaadinIcon.BELL.create(), event -> {
            OperationDialog dialog = new OperationDialog("dialog-urge", getTranslation("permit.urge"), false);
            dialog.confirm(getTranslation("permit.urge"), () -> {
                commands.urge(user, permit, dialog.comment());
                return null;
            }, () -> {
                Notices.success(getTranslation("permit.urged"));
                refresh.run();
            });
            dialog.open();
        });
        urge.setId("urge-permit");
        add(urge, withdraw);
    }
}
