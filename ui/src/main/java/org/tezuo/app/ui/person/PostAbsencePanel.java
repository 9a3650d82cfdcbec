package org.tezuo.app.ui.person;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import java.time.LocalDate;
import java.util.Optional;
import org.tezuo.app.qualification.LifecycleAccess;
import org.tezuo.app.qualification.LifecycleCommands;
import org.tezuo.app.security.CurrentUser;
import org.tezuo.app.ui.i18n.DisplayFormats;
import org.tezuo.core.qualification.LifecycleRule;
import org.tezuo.core.qualification.Person;
import org.tezuo.core.qualification.lifecycle.PostAbsence;

/**
 * The person page's section on time away from the post (离岗). It shows the latest absence with its return and
 * practical re-exam dates and whether a re-exam is needed before the person works again. HR and safety staff also
 * get the buttons that record leaving, returning and a passed re-exam.
 */
final class PostAbsencePanel extends Div {

    PostAbsencePanel(Person person, Optional<PostAbsence> latest, Optional<LifecycleRule> rule, LocalDate today,
            CurrentUser user, LifecycleCommands commands, Runnable refresh) {
        setId("post-absence");
        add(new H3(getTranslation("absence.title")));
        Paragraph summary = new Paragraph(latest.map(this::summary).orElse(getTranslation("absence.none")));
        summary.setId("absence-summary");
        add(summary);
        latest.filter(absence -> absence.reexamPassedOn() == null).ifPresent(absence -> rule
                .filter(candidate -> candidate.absenceNeedsReexam(absence.leftOn(),
                        absence.returnedOn() == null ? today : absence.returnedOn()))
                .ifPresent(candidate -> {
                    Paragraph needed = new Paragraph(getTranslation("absence.reexamNeeded",
                            candidate.awayFromPostMonths().amount(), candidate.awayFromPostMonths().source()));
                    needed.setId("absence-reexam-needed");
                    needed.addClassName("tezuo-profile-error");
                    add(needed);
                }));
        if (LifecycleAccess.canRecordAbsence(user)) {
            add(buttons(person, user, commands, today, refresh));
        }
    }

    private String summary(PostAbsence absence) {
        return getTranslation("absence.latest", DisplayFormats.date(absence.leftOn(), null),
                absence.returnedOn() == null ? getTranslation("absence.notReturned")
                        : DisplayFormats.date(absence.returnedOn(), null),
                absence.reexamPassedOn() == null ? getTranslation("absence.noReexam")
                        : DisplayFormats.date(absence.reexamPassedOn(), null));
    }

    private FlexLayout buttons(Person person, CurrentUser user, LifecycleCommands commands, LocalDate today,
            Runnable refresh) {
        Button leave = new Button(getTranslation("absence.leave"), event -> LifecycleDialog.askDate(
                getTranslation("absence.leave.title", person.name()), getTranslation("absence.leave.hint"),
                getTranslation("absence.leave.date"), today, date -> {
                    commands.recordLeft(user, person.id(), date);
                    return getTranslation("absence.left", person.name(), date.toString());
                }, refresh));
        leave.setId("absence-leave");
        Button back = new Button(getTranslation("absence.return"), event -> LifecycleDialog.askDate(
                getTranslation("absence.return.title", person.name()), getTranslation("absence.return.hint"),
                getTranslation("absence.return.date"), today, date -> {
                    commands.recordReturned(user, person.id(), date);
                    return getTranslation("absence.returned", person.name(), date.toString());
                }, refresh));
        back.setId("absence-return");
        Button reexam = new Button(getTranslation("absence.reexam"), event -> LifecycleDialog.askDate(
                getTranslation("absence.reexam.title", person.name()), getTranslation("absence.reexam.hint"),
                getTranslation("absence.reexam.date"), today, date -> {
                    commands.recordReexamPassed(user, person.id(), date);
                    return getTranslation("absence.reexamPassed", person.name(), date.toString());
                }, refresh));
        reexam.setId("absence-reexam");
        FlexLayout row = new FlexLayout(leave, back, reexam);
        row.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        row.getStyle().set("gap", "var(--lumo-space-s)");
        return row;
    }
}
