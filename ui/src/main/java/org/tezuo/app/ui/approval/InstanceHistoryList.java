package org.tezuo.app.ui.approval;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.tezuo.app.ui.form.FieldDisplay;
import org.tezuo.app.ui.i18n.DisplayFormats;
import org.tezuo.core.file.StoredFile;
import org.tezuo.workflow.operation.HistoryEntry;

/**
 * The history of an approval, oldest first: who did what at which step, when and why, with attachment links and
 * the signature image. A row that a later return to an earlier step made obsolete stays in the list, greyed out
 * and tagged 已作废 with who returned it and why.
 */
@StyleSheet("context://styles/approval.css")
public class InstanceHistoryList extends Div {

    /**
     * @param files finds a stored file of the tenant by id, for attachment names
     */
    public InstanceHistoryList(List<HistoryEntry> entries, FieldDisplay display, ZoneId zone,
            Function<String, Optional<StoredFile>> files) {
        setId("approval-history");
        addClassNames("tezuo-history", "tezuo-instance-history");
        add(new H3(getTranslation("approval.history")));
        if (entries.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("approval.history.none"));
            none.addClassName("tezuo-muted");
            add(none);
            return;
        }
        for (HistoryEntry entry : entries) {
            add(row(entry, display, zone, files));
        }
    }

    private Div row(HistoryEntry entry, FieldDisplay display, ZoneId zone,
            Function<String, Optional<StoredFile>> files) {
        Div row = new Div();
        row.addClassName("tezuo-history-entry");
        row.getElement().setAttribute("data-operation", entry.operation().name());
        row.getElement().setAttribute("data-superseded", String.valueOf(entry.superseded()));

        Div heading = new Div();
        heading.addClassName("tezuo-history-heading");
        String actor = "system".equals(entry.actor()) ? getTranslation("history.system")
                : display.person(entry.actor());
        Span who = new Span(actor);
        who.addClassName("tezuo-history-actor");
        Span what = new Span(getTranslation("history.operation." + entry.operation().name()));
        what.addClassName("tezuo-history-operation");
        heading.add(who, what);
        if (entry.target() != null) {
            Span target = new Span(getTranslation("history.target", people(entry.target(), display)));
            target.addClassName("tezuo-history-target");
            heading.add(target);
        }
        if (entry.superseded()) {
            row.addClassName("tezuo-superseded");
            Span tag = new Span(getTranslation("history.superseded"));
            tag.addClassName("tezuo-superseded-tag");
            heading.add(tag);
        }
        row.add(heading);

        String node = entry.nodeName().isEmpty() ? "" : getTranslation("history.node", entry.nodeName()) + " · ";
        Span when = new Span(node + DisplayFormats.dateTime(entry.at(), zone));
        when.addClassName("tezuo-muted");
        row.add(new Div(when));

        if (entry.comment() != null && !entry.comment().isBlank()) {
            Div comment = new Div(new Span(getTranslation("approval.comment", entry.comment())));
            comment.addClassName("tezuo-history-comment");
            row.add(comment);
        }
        if (!entry.attachmentIds().isEmpty()) {
            Div attachments = new Div();
            attachments.addClassName("tezuo-history-attachments");
            for (String id : entry.attachmentIds()) {
                String name = files.apply(id).map(StoredFile::originalName)
                        .orElse(getTranslation("history.attachment.unavailable"));
                Anchor link = new Anchor(FileLinks.href(id), name, AnchorTarget.BLANK);
                link.addClassName("tezuo-attachment-link");
                attachments.add(new Div(VaadinIcon.PAPERCLIP.create(), link));
            }
            row.add(attachments);
        }
        if (entry.signatureFileId() != null) {
            Image signature = new Image(FileLinks.href(entry.signatureFileId()),
                    getTranslation("history.signature", actor));
            signature.addClassName("tezuo-signature-thumbnail");
            row.add(signature);
        }
        if (entry.superseded() && entry.supersededBy() != null) {
            Span reason = new Span(entry.supersededReason() == null
                    ? getTranslation("history.supersededBy", display.person(entry.supersededBy()))
                    : getTranslation("history.supersededByBecause", display.person(entry.supersededBy()),
                            entry.supersededReason()));
            reason.addClassName("tezuo-muted");
            row.add(new Div(reason));
        }
        return row;
    }

    /**
     * Returns the display names of a history target. The target lists user names separated by commas when an
     * operation reached several people, such as a reminder. A target that is no user, such as a step id, stays.
     */
    private static String people(String target, FieldDisplay display) {
        return Arrays.stream(target.split(",")).map(String::strip).map(display::person)
                .collect(Collectors.joining("、"));
    }
}
