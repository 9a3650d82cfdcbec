package org.tezuo.app.ui.task;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.card.Card;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.PermitAll;
import java.time.ZoneId;
import java.util.List;
import org.tezuo.app.permit.Actor;
import org.tezuo.app.permit.PermitApprovals;
import org.tezuo.app.security.CurrentUser;
import org.tezuo.app.security.CurrentUserProvider;
import org.tezuo.app.ui.form.FieldDisplay;
import org.tezuo.app.ui.i18n.DisplayFormats;
import org.tezuo.app.ui.layout.MainLayout;
import org.tezuo.app.ui.permit.PermitDetailView;
import org.tezuo.app.ui.permit.PermitEditorView;
import org.tezuo.app.ui.permit.PermitPresentation;
import org.tezuo.app.ui.permit.PermitSummary;

/**
 * The signed-in user's open permit tasks, newest first: approvals open the approval screen, and a permit
 * returned to its applicant opens the editor to change and submit it again.
 */
@Route(value = "tasks", layout = MainLayout.class)
@Menu(order = 40, title = "menu.tasks", icon = "vaadin:tasks")
@PermitAll
public class TasksView extends VerticalLayout implements HasDynamicTitle {

    public TasksView(CurrentUserProvider currentUser, PermitApprovals approvals, PermitPresentation presentation) {
        CurrentUser user = currentUser.require();
        List<PermitApprovals.PermitTask> tasks = approvals.tasks(new Actor(user.tenantId(), user.username(),
                getLocale()));
        FieldDisplay display = presentation.display(presentation.formContext(user.tenantId(), getLocale()));

        Div list = new Div();
        list.setId("task-list");
        list.addClassName("tezuo-card-list");
        if (tasks.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("tasks.none"));
            none.setId("tasks-none");
            none.addClassName("tezuo-muted");
            list.add(none);
        }
        tasks.forEach(task -> list.add(card(task, presentation.summary(task.permit(), display, getLocale()),
                presentation.zone(user.tenantId()))));
        add(list);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.tasks");
    }

    private Component card(PermitApprovals.PermitTask task, PermitSummary summary, ZoneId zone) {
        Card card = new Card();
        card.addClassName("tezuo-task");
        card.getElement().setAttribute("data-permit", String.valueOf(task.permit().id()));
        card.setTitle(summary.typeName() + " " + PermitEditorView.numberOf(task.permit(), this));
        card.setSubtitle(new Span(task.task().nodeName().in(getLocale())));
        card.add(line("permit.applicant", summary.applicant()), line("permit.location", summary.location()),
                line("permit.workWindow", summary.workWindow()),
                line("tasks.createdAt", DisplayFormats.dateTime(task.task().createdAt(), zone)));

        Button open;
        if (task.task().resubmission()) {
            open = new Button(getTranslation("permit.resubmit"), event -> getUI().ifPresent(ui -> ui.navigate(
                    PermitEditorView.class, new RouteParameters(PermitDetailView.PERMIT_ID,
                            String.valueOf(task.permit().id())))));
        } else {
            open = new Button(getTranslation("tasks.open"), event -> getUI().ifPresent(ui -> ui.navigate(
                    TaskView.class, new RouteParameters(TaskView.TASK_ID, task.task().taskId()))));
        }
        open.setId("open-task-" + task.permit().id());
        open.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        card.addToFooter(open);
        return card;
    }

    private Div line(String captionKey, String value) {
        Span caption = new Span(getTranslation(captionKey));
        caption.addClassName("tezuo-muted");
        return new Div(caption, new Span(" " + (value.isEmpty() ? getTranslation("value.none") : value)));
    }
}
