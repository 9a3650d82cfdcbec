package org.tezuo.app.ui.profile;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.dom.Element;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.tezuo.app.security.CurrentUser;
import org.tezuo.app.ui.i18n.DisplayFormats;
import org.tezuo.app.ui.layout.Notices;
import org.tezuo.core.i18n.LocalizedException;
import org.tezuo.core.qualification.profile.AssessmentClip;
import org.tezuo.core.qualification.profile.AssessmentClips;
import org.tezuo.core.qualification.profile.AssessmentRecord;
import org.tezuo.core.qualification.profile.PersonProfiles.AssessmentEntry;

/**
 * The training and practical assessment records of the profile page, newest first, each with its consented
 * clips as browser video players. The players load {@code api/assessment-clips/<id>/content}, which serves range
 * requests, so seeking works. With the clip store given (recorders only), each record also offers a clip upload and
 * each clip a consent-withdrawal and a delete button. Both ask first, because they delete the video for good.
 */
final class AssessmentList extends Div {

    private final @Nullable AssessmentClips clips;
    private final CurrentUser user;
    private final UnaryOperator<String> displayName;
    private final Runnable changed;

    /** @param displayName returns the display name of a user of the tenant, for who recorded a consent */
    AssessmentList(List<AssessmentEntry> assessments, @Nullable AssessmentClips clips, CurrentUser user,
            ZoneId zone, UnaryOperator<String> displayName, Runnable changed) {
        this.clips = clips;
        this.user = user;
        this.displayName = displayName;
        this.changed = changed;
        setId("profile-assessments");
        addClassName("tezuo-profile-assessments");
        if (assessments.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("profile.assessments.none"));
            none.setId("profile-assessments-none");
            add(none);
        }
        assessments.forEach(entry -> add(assessment(entry, zone)));
    }

    private Div assessment(AssessmentEntry entry, ZoneId zone) {
        AssessmentRecord record = entry.record();
        Div card = new Div();
        card.addClassName("tezuo-profile-assessment");
        card.getElement().setAttribute("data-assessment", String.valueOf(record.id()));
        card.add(new H4(record.kind().label(getLocale()) + getTranslation("epermit.separator") + record.item()));
        card.add(ProfileFacts.fact(this, null, "assessment.heldOn", DisplayFormats.date(record.heldOn(), null)),
                ProfileFacts.fact(this, null, "assessment.result", record.result().label(getLocale())),
                ProfileFacts.fact(this, null, "assessment.assessor", record.assessor()));
        if (record.notes() != null) {
            card.add(ProfileFacts.fact(this, null, "assessment.notes", record.notes()));
        }
        entry.clips().forEach(clip -> card.add(clip(clip, zone)));
        if (clips != null) {
            card.add(new ClipUpload(clips, user, record.id(), changed));
        }
        return card;
    }

    private Div clip(AssessmentClip clip, ZoneId zone) {
        Element video = new Element("video");
        video.setAttribute("controls", true);
        video.setAttribute("preload", "metadata");
        video.setAttribute("playsinline", true);
        video.setAttribute("src", "api/assessment-clips/" + clip.id() + "/content");
        video.setAttribute("type", clip.contentType());
        Div player = new Div();
        player.addClassName("tezuo-profile-clip");
        player.getElement().setAttribute("data-clip", String.valueOf(clip.id()));
        player.getElement().appendChild(video);
        player.add(new Paragraph(getTranslation("profile.clip.consent", clip.originalName(),
                displayName.apply(clip.consentRecordedBy()), DisplayFormats.dateTime(clip.consentRecordedAt(), zone))));
        if (clips != null) {
            Button withdraw = new Button(getTranslation("profile.clip.withdraw"),
                    event -> confirm(clip, "profile.clip.withdraw.confirm", "profile.clip.withdraw",
                            store -> store.withdrawConsent(user.tenantId(), clip.id(), user.username()),
                            "profile.clip.withdrawn"));
            withdraw.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            withdraw.addClassName("tezuo-profile-clip-withdraw");
            Button delete = new Button(getTranslation("profile.clip.delete"),
                    event -> confirm(clip, "profile.clip.delete.confirm", "profile.clip.delete",
                            store -> store.delete(user.tenantId(), clip.id(), user.username()),
                            "profile.clip.deleted"));
            delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            delete.addClassName("tezuo-profile-clip-delete");
            player.add(withdraw, delete);
        }
        return player;
    }

    /**
     * Asks before an action that deletes the clip's video for good, runs it on confirmation and reports the outcome.
     */
    private void confirm(AssessmentClip clip, String questionKey, String confirmKey, Consumer<AssessmentClips> action,
            String doneKey) {
        AssessmentClips store = Objects.requireNonNull(clips, "clips");
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setId("clip-confirm");
        dialog.setHeader(getTranslation(confirmKey));
        dialog.setText(getTranslation(questionKey, clip.originalName()));
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("profile.clip.keep"));
        dialog.setConfirmText(getTranslation(confirmKey));
        dialog.setConfirmButtonTheme("error primary");
        dialog.addConfirmListener(event -> {
            try {
                action.accept(store);
                Notices.success(getTranslation(doneKey, clip.originalName()));
            } catch (LocalizedException e) {
                Notices.error(e.message(getLocale()));
            }
            changed.run();
        });
        dialog.open();
    }
}
