package org.tezuo.app.ui.task;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.tezuo.app.permit.Actor;
import org.tezuo.app.permit.Permit;
import org.tezuo.app.permit.PermitApprovals;
import org.tezuo.app.permit.PermitApprovals.ItemConfirmation;
import org.tezuo.app.permit.PermitRiskItem;
import org.tezuo.app.permit.PermitStore;
import org.tezuo.app.permit.RiskConfirmationDecision;
import org.tezuo.app.security.CurrentUser;
import org.tezuo.app.security.CurrentUserProvider;
import org.tezuo.app.ui.form.FieldDisplay;
import org.tezuo.app.ui.layout.MainLayout;
import org.tezuo.app.ui.layout.Notices;
import org.tezuo.app.ui.permit.PermitDetailView;
import org.tezuo.app.ui.permit.PermitEditorView;
import org.tezuo.app.ui.permit.PermitPresentation;
import org.tezuo.app.ui.permit.PermitSummary;
import org.tezuo.core.i18n.LocalizedException;

/**
 * The approval screen of one task: the permit's summary, each risk item with 已现场核查 or 已升级管控 and a note,
 * saved together, then approve, reject or return to the applicant with an opinion (required to reject or
 * return). The server refuses an approval while a risk item is unconfirmed; its message is shown as is.
 */
@Route(value = "tasks/:" + TaskView.TASK_ID, layout = MainLayout.class)
@PermitAll
public class TaskView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    /** Route parameter holding the workflow task id. */
    public static final String TASK_ID = "taskId";

    private final CurrentUserProvider currentUser;
    private final PermitApprovals approvals;
    private final PermitStore permits;
    private final PermitPresentation presentation;
    private final List<ItemInput> itemInputs = new ArrayList<>();
    private String title = "";

    public TaskView(CurrentUserProvider currentUser, PermitApprovals approvals, PermitStore permits,
            PermitPresentation presentation) {
        this.currentUser = currentUser;
        this.approvals = approvals;
        this.permits = permits;
        this.presentation = presentation;
        addClassName("tezuo-task-view");
    }

    /** The inputs of one risk item. */
    private record ItemInput(PermitRiskItem item, RadioButtonGroup<RiskConfirmationDecision> decision,
            TextField note) {
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        itemInputs.clear();
        add(new RouterLink(getTranslation("tasks.back"), TasksView.class));
        CurrentUser user = currentUser.require();
        String taskId = event.getRouteParameters().get(TASK_ID).orElse("");
        PermitApprovals.PermitTask task;
        try {
            task = approvals.task(actor(user), taskId);
        } catch (LocalizedException e) {
            title = getTranslation("tasks.notFound.title");
            Paragraph notFound = new Paragraph(getTranslation("tasks.notFound"));
            notFound.setId("task-not-found");
            add(notFound);
            return;
        }
        show(user, task);
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    private void show(CurrentUser user, PermitApprovals.PermitTask task) {
        Permit permit = task.permit();
        FieldDisplay display = presentation.display(presentation.formContext(user.tenantId(), getLocale()));
        PermitSummary summary = presentation.summary(permit, display, getLocale());
        title = getTranslation("task.title", task.task().nodeName().in(getLocale()));

        H2 heading = new H2(summary.typeName() + " " + PermitEditorView.numberOf(permit, this));
        heading.setId("task-permit");
        FormLayout fields = new FormLayout();
        fields.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        field(fields, "task.step", task.task().nodeName().in(getLocale()));
        field(fields, "permit.applicant", summary.applicant());
        field(fields, "permit.location", summary.location());
        field(fields, "permit.grade", summary.grade());
        field(fields, "permit.workWindow", summary.workWindow());
        RouterLink detail = new RouterLink(getTranslation("task.permitDetail"), PermitDetailView.class,
                new RouteParameters(PermitDetailView.PERMIT_ID, String.valueOf(permit.id())));
        detail.setId("task-permit-detail");
        add(heading, fields, detail);

        if (task.task().requiresRiskConfirmation()) {
            add(confirmations(user, task));
        }
        add(decision(user, task));
    }

    private Component confirmations(CurrentUser user, PermitApprovals.PermitTask task) {
        Div section = new Div();
        section.setId("risk-confirmation");
        section.addClassName("tezuo-risk-list");
        List<PermitRiskItem> items = task.permit().riskItems();
        section.add(new H3(getTranslation("task.confirm.title", items.size())));
        if (items.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("risk.none"));
            none.addClassName("tezuo-muted");
            section.add(none);
            return section;
        }
        List<PermitStore.RiskConfirmation> mine = permits.confirmations(user.tenantId(), task.permit().id()).stream()
                .filter(confirmation -> confirmation.taskId().equals(task.task().taskId())
                        && confirmation.approver().equals(user.username()))
                .toList();
        for (int i = 0; i < items.size(); i++) {
            PermitRiskItem item = items.get(i);
            RadioButtonGroup<RiskConfirmationDecision> decision = new RadioButtonGroup<>();
            decision.setId("risk-decision-" + i);
            decision.setItems(RiskConfirmationDecision.values());
            decision.setItemLabelGenerator(value -> PermitSummary.isEnglish(getLocale()) ? value.en() : value.zh());
            decision.setRequiredIndicatorVisible(true);
            decision.setLabel(getTranslation("task.confirm.decision"));
            TextField note = new TextField(getTranslation("task.confirm.note"));
            note.setId("risk-note-" + i);
            note.setWidthFull();
            mine.stream().filter(confirmation -> confirmation.itemCode().equals(item.code())).findFirst()
                    .ifPresent(confirmation -> {
                        decision.setValue(confirmation.decision());
                        note.setValue(confirmation.note() == null ? "" : confirmation.note());
                    });
            itemInputs.add(new ItemInput(item, decision, note));

            Div card = new Div();
            card.setId("risk-item-" + i);
            card.addClassName("tezuo-risk-item");
            card.getElement().setAttribute("data-code", item.code());
            Span severity = new Span(getTranslation("risk.severity." + item.severity()));
            severity.addClassName("tezuo-severity");
            severity.getElement().setAttribute("data-severity", item.severity());
            Span source = new Span(getTranslation("risk.source", item.source()));
            source.addClassName("tezuo-muted");
            card.add(new Div(severity, new Span(" " + (PermitSummary.isEnglish(getLocale()) ? item.messageEn()
                    : item.messageZh()))), new Div(source), decision, note);
            section.add(card);
        }
        Button save = new Button(getTranslation("task.confirm.save"), VaadinIcon.CHECK.create(),
                event -> saveConfirmations(user, task));
        save.setId("save-confirmations");
        section.add(save);
        return section;
    }

    private void saveConfirmations(CurrentUser user, PermitApprovals.PermitTask task) {
        List<ItemConfirmation> chosen = itemInputs.stream()
                .filter(input -> input.decision().getValue() != null)
                .map(input -> new ItemConfirmation(input.item().code(), input.decision().getValue(),
                        input.note().getValue().isBlank() ? null : input.note().getValue().strip()))
                .toList();
        itemInputs.forEach(input -> {
            input.decision().setInvalid(input.decision().getValue() == null);
            input.decision().setErrorMessage(getTranslation("task.confirm.missing"));
        });
        if (chosen.isEmpty()) {
            Notices.error(getTranslation("task.confirm.noneChosen"));
            return;
        }
        try {
            approvals.confirmRiskItems(actor(user), task.task().taskId(), chosen);
            Notices.success(getTranslation("task.confirm.saved", chosen.size(), itemInputs.size()));
        } catch (LocalizedException e) {
            Notices.error(e.message(getLocale()));
        }
    }

    private Component decision(CurrentUser user, PermitApprovals.PermitTask task) {
        TextArea comment = new TextArea(getTranslation("task.comment"));
        comment.setId("approval-comment");
        comment.setWidthFull();
        comment.setHelperText(getTranslation("task.comment.help"));

        Button approve = new Button(getTranslation("task.approve"), VaadinIcon.CHECK_CIRCLE.create(),
                event -> decide(comment, false, text -> approvals.approve(actor(user), task.task().taskId(), text),
                        "task.approved"));
        approve.setId("approve");
        approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
        Button reject = new Button(getTranslation("task.reject"), VaadinIcon.CLOSE_CIRCLE.create(),
                event -> decide(comment, true, text -> approvals.reject(actor(user), task.task().taskId(), text),
                        "task.rejected"));
        reject.setId("reject");
        reject.addThemeVariants(ButtonVariant.LUMO_ERROR);
        Button giveBack = new Button(getTranslation("task.return"), VaadinIcon.ARROW_BACKWARD.create(),
                event -> decide(comment, true, text -> approvals.returnToApplicant(actor(user),
                        task.task().taskId(), text), "task.returned"));
        giveBack.setId("return-to-applicant");

        Div actions = new Div(approve, giveBack, reject);
        actions.addClassName("tezuo-actions");
        Div section = new Div(new H3(getTranslation("task.decision")), comment, actions);
        section.setId("task-decision");
        return section;
    }

    /** Runs a decision with the comment; reject and return need one. Success goes back to the task list. */
    private void decide(TextArea comment, boolean commentRequired, Consumer<String> decision, String doneKey) {
        String text = comment.getValue().strip();
        if (commentRequired && text.isEmpty()) {
            comment.setErrorMessage(getTranslation("task.comment.required"));
            comment.setInvalid(true);
            return;
        }
        comment.setInvalid(false);
        try {
            decision.accept(text.isEmpty() ? null : text);
            Notices.success(getTranslation(doneKey));
            getUI().ifPresent(ui -> ui.navigate(TasksView.class));
        } catch (LocalizedException e) {
            Notices.error(e.message(getLocale()));
        }
    }

    private void field(FormLayout fields, String captionKey, String value) {
        fields.addFormItem(new Span(value.isEmpty() ? getTranslation("value.none") : value),
                getTranslation(captionKey));
    }

    private Actor actor(CurrentUser user) {
        return new Actor(user.tenantId(), user.username(), getLocale());
    }
}
