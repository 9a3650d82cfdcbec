package org.tezuo.app.ui.task;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
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
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.tezuo.app.permit.Actor;
import org.tezuo.app.permit.Permit;
import org.tezuo.app.permit.PermitApprovals.ItemConfirmation;
import org.tezuo.app.permit.PermitApprovals;
import org.tezuo.app.permit.PermitRiskItem;
import org.tezuo.app.permit.PermitStore;
import org.tezuo.app.permit.RiskConfirmationDecision;
import org.tezuo.app.security.CurrentUser;
import org.tezuo.app.security.CurrentUserProvider;
import org.tezuo.app.ui.approval.ApprovalCommands;
import org.tezuo.app.ui.approval.InstanceHistoryList;
import org.tezuo.app.ui.approval.TaskParticipants;
import org.tezuo.app.ui.flow.InstanceDiagram;
import org.tezuo.app.ui.flow.ProcessDiagrams;
import org.tezuo.app.ui.form.FieldDisplay;
import org.tezuo.app.ui.form.FormContext;
import org.tezuo.app.ui.form.SignatureImages;
import org.tezuo.app.ui.form.SignaturePad;
import org.tezuo.app.ui.layout.MainLayout;
import org.tezuo.app.ui.layout.Notices;
import org.tezuo.app.ui.permit.PermitDetailView;
import org.tezuo.app.ui.permit.PermitEditorView;
import org.tezuo.app.ui.permit.PermitPresentation;
import org.tezuo.app.ui.permit.PermitSummary;
import org.tezuo.app.ui.permit.RiskLimitOrigin;
import org.tezuo.core.file.FileKind;
import org.tezuo.core.file.FileRejectedException;
import org.tezuo.core.file.FileStore;
import org.tezuo.core.i18n.LocalizedException;
import org.tezuo.workflow.operation.Evidence;

/**
 * The screen of one open task. It shows the permit's summary and each risk item to mark 已现场核查 or 已升级管控,
 * then the opinion with attachments and, where the node requires it, a handwritten signature. The buttons cover
 * every operation of the workflow engine: approve, reject, return to the applicant or an earlier step, transfer,
 * delegate, add a signer before or after, remove a signer and comment. A task delegated to the user offers only
 * giving it back with an opinion. The history of the application closes the page.
 */
@Route(value = "tasks/:" + TaskView.TASK_ID, layout = MainLayout.class)
@StyleSheet("context://styles/inbox.css")
@PermitAll
public class TaskView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    /** Route parameter holding the workflow task id. */
    public static final String TASK_ID = "taskId";

    private final CurrentUserProvider currentUser;
    private final ApprovalCommands commands;
    private final PermitApprovals approvals;
    private final PermitStore permits;
    private final PermitPresentation presentation;
    private final FileStore files;
    private final ProcessDiagrams diagrams;
    private final List<ItemInput> itemInputs = new ArrayList<>();
    private String title = "";
    private String taskId = "";

    public TaskView(CurrentUserProvider currentUser, ApprovalCommands commands, PermitApprovals approvals,
            PermitStore permits, PermitPresentation presentation, FileStore files, ProcessDiagrams diagrams) {
        this.currentUser = currentUser;
        this.commands = commands;
        this.approvals = approvals;
        this.permits = permits;
        this.presentation = presentation;
        this.files = files;
        this.diagrams = diagrams;
        addClassName("tezuo-task-view");
    }

    /** The inputs of one risk item. */
    private record ItemInput(PermitRiskItem item, RadioButtonGroup<RiskConfirmationDecision> decision,
            TextField note) {
    }

    /** The opinion inputs shared by approve, reject and comment. */
    private record Opinion(TextArea comment, AttachmentField attachments, @Nullable SignaturePad signature) {
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        taskId = event.getRouteParameters().get(TASK_ID).orElse("");
        render();
    }

    private void render() {
        removeAll();
        itemInputs.clear();
        add(new RouterLink(getTranslation("tasks.back"), TasksView.class));
        CurrentUser user = currentUser.require();
        Optional<ApprovalCommands.OpenTask> task = commands.find(user, taskId);
        if (task.isEmpty()) {
            title = getTranslation("tasks.notFound.title");
            Paragraph notFound = new Paragraph(getTranslation("tasks.notFound"));
            notFound.setId("task-not-found");
            add(notFound);
            return;
        }
        show(user, task.get());
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    private void show(CurrentUser user, ApprovalCommands.OpenTask task) {
        FormContext context = presentation.formContext(user.tenantId(), user.username(), getLocale());
        FieldDisplay display = presentation.display(context);
        title = getTranslation("task.title", task.task().nodeName().in(getLocale()));
        Permit permit = task.permit();
        if (permit != null) {
            add(permitSummary(permit, task, display));
        } else {
            H2 heading = new H2(task.task().businessKey());
            heading.setId("task-permit");
            add(heading, new Paragraph(getTranslation("task.step") + " " + task.task().nodeName().in(getLocale())));
        }
        add(new InstanceDiagram("instance-diagram", diagrams.of(task.task().processInstanceId())));
        if (permit != null && task.task().requiresRiskConfirmation() && !task.facts().delegatedToUser()) {
            add(confirmations(user, task, permit));
        }
        add(decision(user, task, display, context));
        add(new InstanceHistoryList(commands.history(user.tenantId(), task.task().processInstanceId()), display,
                context.zone(), id -> files.find(user.tenantId(), id)));
    }

    private Component permitSummary(Permit permit, ApprovalCommands.OpenTask task, FieldDisplay display) {
        PermitSummary summary = presentation.summary(permit, display, getLocale());
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
        return new Div(heading, fields, detail);
    }


    private Component confirmations(CurrentUser user, ApprovalCommands.OpenTask task, Permit permit) {
        Div section = new Div();
        section.setId("risk-confirmation");
        section.addClassName("tezuo-risk-list");
        List<PermitRiskItem> items = permit.riskItems();
        section.add(new H3(getTranslation("task.confirm.title", items.size())));
        if (items.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("risk.none"));
            none.addClassName("tezuo-muted");
            section.add(none);
            return section;
        }
        List<PermitStore.RiskConfirmation> mine = permits.confirmations(user.tenantId(), permit.id()).stream()
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
                    : item.messageZh()))), new Div(source));
            RiskLimitOrigin.of(item, getLocale()).ifPresent(card::add);
            card.add(decision, note);
            section.add(card);
        }
        Button save = new Button(getTranslation("task.confirm.save"), VaadinIcon.CHECK.create(),
                event -> saveConfirmations(user, task));
        save.setId("save-confirmations");
        section.add(save);
        return section;
    }

    private void saveConfirmations(CurrentUser user, ApprovalCommands.OpenTask task) {
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
            approvals.confirmRiskItems(new Actor(user.tenantId(), user.username(), getLocale()),
                    task.task().taskId(), chosen);
            Notices.success(getTranslation("task.confirm.saved", chosen.size(), itemInputs.size()));
        } catch (LocalizedException e) {
            Notices.error(e.message(getLocale()));
        }
    }

    private Component decision(CurrentUser user, ApprovalCommands.OpenTask task, FieldDisplay display,
            FormContext context) {
        Div section = new Div();
        section.setId("task-decision");
        section.add(new H3(getTranslation("task.decision")));
        TaskParticipants.Facts facts = task.facts();
        if (facts.delegatedToUser()) {
            Paragraph notice = new Paragraph(getTranslation("task.delegated.notice",
                    facts.owner() == null ? "" : display.person(facts.owner())));
            notice.setId("task-delegated");
            section.add(notice);
        }

        TextArea comment = new TextArea(getTranslation("task.comment"));
        comment.setId("approval-comment");
        comment.setWidthFull();
        comment.setHelperText(getTranslation("task.comment.help"));
        AttachmentField attachments = new AttachmentField(files, user.tenantId(), user.username());
        SignaturePad signature = null;
        section.add(comment, attachments);
        if (facts.requiresSignature() && !facts.delegatedToUser()) {
            signature = new SignaturePad(getTranslation("form.signature.clear"),
                    getTranslation("form.signature.undo"));
            signature.setId("signature-pad");
            Span caption = new Span(getTranslation("task.signature"));
            caption.addClassName("tezuo-required");
            Div signatureSection = new Div(caption, signature);
            signatureSection.setId("task-signature");
            signatureSection.addClassName("tezuo-task-signature");
            section.add(signatureSection);
        }
        Opinion opinion = new Opinion(comment, attachments, signature);
        TaskOperations operations = new TaskOperations(this, commands, user, task, context.persons(),
                getLocale());

        Div actions = new Div();
        actions.addClassName("tezuo-actions");
        if (facts.delegatedToUser()) {
            actions.add(button("resolve-delegation", "task.resolve", VaadinIcon.REPLY, ButtonVariant.LUMO_PRIMARY,
                    () -> approve(user, task, opinion, "task.resolved")));
        } else {
            actions.add(
                    button("approve", "task.approve", VaadinIcon.CHECK_CIRCLE, ButtonVariant.LUMO_PRIMARY,
                            () -> approve(user, task, opinion, "task.approved")),
                    button("return-to-step", "task.returnTo", VaadinIcon.ARROW_BACKWARD, null,
                            operations::openReturn),
                    button("reject", "task.reject", VaadinIcon.CLOSE_CIRCLE, ButtonVariant.LUMO_ERROR,
                            () -> reject(user, task, opinion)),
                    button("transfer", "task.transfer", VaadinIcon.EXCHANGE, null, operations::openTransfer),
                    button("delegate", "task.delegate", VaadinIcon.USER_CHECK, null, operations::openDelegate),
                    button("add-signer", "task.addSigner", VaadinIcon.PLUS_CIRCLE, null, operations::openAddSigner));
            Button remove = button("remove-signer", "task.removeSigner", VaadinIcon.MINUS_CIRCLE, null,
                    operations::openRemoveSigner);
            remove.setEnabled(!facts.otherSigners().isEmpty());
            actions.add(remove);
        }
        actions.add(button("add-comment", "task.addComment", VaadinIcon.COMMENT, ButtonVariant.LUMO_TERTIARY,
                () -> addComment(user, task, opinion)));
        section.add(actions);
        return section;
    }

    private Button button(String id, String labelKey, VaadinIcon icon, @Nullable ButtonVariant variant,
            Runnable action) {
        Button button = new Button(getTranslation(labelKey), icon.create(), event -> action.run());
        button.setId(id);
        if (variant != null) {
            button.addThemeVariants(variant);
        }
        if (variant == ButtonVariant.LUMO_PRIMARY) {
            button.addThemeVariants(ButtonVariant.LUMO_SUCCESS);
        }
        return button;
    }

    /** Reads the signature from the browser when the node requires one, then approves or gives the task back. */
    private void approve(CurrentUser user, ApprovalCommands.OpenTask task, Opinion opinion, String doneKey) {
        SignaturePad pad = opinion.signature();
        if (pad == null) {
            approveWith(user, task, opinion, null, doneKey);
            return;
        }
        pad.exportPng(dataUrl -> {
            if (dataUrl == null) {
                Notices.error(getTranslation("task.signature.missing"));
                return;
            }
            storeSignature(user, dataUrl).ifPresent(fileId -> approveWith(user, task, opinion, fileId, doneKey));
        });
    }

    private Optional<String> storeSignature(CurrentUser user, String dataUrl) {
        Optional<byte[]> png = SignatureImages.decodePng(dataUrl);
        if (png.isEmpty()) {
            Notices.error(getTranslation("form.signature.invalid"));
            return Optional.empty();
        }
        try {
            return Optional.of(files.store(user.tenantId(), user.username(), FileKind.IMAGE,
                    getTranslation("task.signature.fileName", user.displayName()), "image/png",
                    new ByteArrayInputStream(png.get())).id());
        } catch (FileRejectedException e) {
            Notices.error(e.message(getLocale()));
            return Optional.empty();
        }
    }

    private void approveWith(CurrentUser user, ApprovalCommands.OpenTask task, Opinion opinion,
            @Nullable String signatureFileId, String doneKey) {
        String text = opinion.comment().getValue().strip();
        Evidence evidence = new Evidence(signatureFileId, opinion.attachments().ids());
        run(() -> commands.approve(user, task, text.isEmpty() ? null : text, evidence), doneKey, true);
    }

    private void reject(CurrentUser user, ApprovalCommands.OpenTask task, Opinion opinion) {
        String text = opinion.comment().getValue().strip();
        if (text.isEmpty()) {
            opinion.comment().setErrorMessage(getTranslation("task.comment.required"));
            opinion.comment().setInvalid(true);
            return;
        }
        opinion.comment().setInvalid(false);
        run(() -> commands.reject(user, task, text), "task.rejected", true);
    }

    private void addComment(CurrentUser user, ApprovalCommands.OpenTask task, Opinion opinion) {
        String text = opinion.comment().getValue().strip();
        if (text.isEmpty()) {
            opinion.comment().setErrorMessage(getTranslation("task.addComment.required"));
            opinion.comment().setInvalid(true);
            return;
        }
        opinion.comment().setInvalid(false);
        run(() -> commands.comment(user, task.task().processInstanceId(), text, opinion.attachments().ids()),
                "task.commented", false);
    }

    /**
     * Runs an operation and reports it. When the task left the user's hands the page goes back to the inbox,
     * otherwise it renders again, so the history shows the new row.
     */
    void run(Runnable operation, String doneKey, boolean taskLeaves) {
        try {
            operation.run();
        } catch (LocalizedException e) {
            Notices.error(e.message(getLocale()));
            return;
        }
        Notices.success(getTranslation(doneKey));
        if (taskLeaves) {
            getUI().ifPresent(ui -> ui.navigate(TasksView.class));
        } else {
            render();
        }
    }

    private void field(FormLayout fields, String captionKey, String value) {
        fields.addFormItem(new Span(value.isEmpty() ? getTranslation("value.none") : value),
                getTranslation(captionKey));
    }
}
