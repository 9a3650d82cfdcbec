package org.tezuo.app.ui.permit;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.time.ZoneId;
import java.util.List;
import org.tezuo.app.ui.form.FieldDisplay;
import org.tezuo.app.ui.i18n.DisplayFormats;
import org.tezuo.workflow.approval.ApprovalRecord;

/** Every decision on a permit, oldest first: the step, the approver, the decision, the opinion and the time. */
public class ApprovalHistoryList extends Div {

    public ApprovalHistoryList(List<ApprovalRecord> history, FieldDisplay display, ZoneId zone) {
        setId("approval-history");
        addClassName("tezuo-history");
        add(new H3(getTranslation("approval.history")));
        if (history.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("approval.history.none"));
            none.addClassName("tezuo-muted");
            add(none);
            return;
        }
        for (ApprovalRecord record : history) {
            Div entry = new Div();
            entry.addClassName("tezuo-history-entry");
            entry.getElement().setAttribute("data-decision", record.decision().name());
            Span heading = new Span(getTranslation("approval.entry", record.nodeName(),
                    display.person(record.actor()), getTranslation("approval.decision." + record.decision().name())));
            heading.addClassName("tezuo-history-heading");
            Span time = new Span(DisplayFormats.dateTime(record.decidedAt(), zone));
            time.addClassName("tezuo-muted");
            entry.add(new Div(heading), new Div(time));
            if (record.comment() != null && !record.comment().isBlank()) {
                entry.add(new Div(new Span(getTranslation("approval.comment", record.comment()))));
            }
            add(entry);
        }
    }
}
