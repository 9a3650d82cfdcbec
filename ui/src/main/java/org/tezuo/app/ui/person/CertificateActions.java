package org.tezuo.app.ui.person;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.tezuo.app.qualification.LifecycleCommands;
import org.tezuo.app.security.CurrentUser;
import org.tezuo.core.qualification.Certificate;
import org.tezuo.core.qualification.CertificateState;

/**
 * The buttons under a certificate for certificate administrators: revoke (撤销/吊销) and cancel (注销) with a
 * required reason, and record the authority's approval of the extended review interval. A button is left out when
 * the state does not allow its step: a cancelled certificate has none, a revoked one can still be cancelled, and an
 * extension is offered only while the certificate permits work.
 */
final class CertificateActions extends FlexLayout {

    CertificateActions(Certificate certificate, String certNumber, CurrentUser user, LifecycleCommands commands,
            ZoneId zone, Clock clock, Runnable refresh) {
        addClassName("tezuo-certificate-actions");
        setFlexWrap(FlexWrap.WRAP);
        getStyle().set("gap", "var(--lumo-space-s)");
        CertificateState state = certificate.state();
        long id = certificate.id();

        if (!state.administrative()) {
            Button revoke = new Button(getTranslation("lifecycle.revoke"), event -> LifecycleDialog.askReason(
                    getTranslation("lifecycle.revoke.title", certNumber), getTranslation("lifecycle.revoke.hint"),
                    reason -> {
                        commands.revoke(user, id, reason);
                        return getTranslation("lifecycle.revoked", certNumber);
                    }, refresh));
            revoke.setId("revoke-" + id);
            revoke.addThemeVariants(ButtonVariant.LUMO_ERROR);
            add(revoke);
        }
        if (state != CertificateState.CANCELLED) {
            Button cancel = new Button(getTranslation("lifecycle.cancel"), event -> LifecycleDialog.askReason(
                    getTranslation("lifecycle.cancel.title", certNumber), getTranslation("lifecycle.cancel.hint"),
                    reason -> {
                        commands.cancel(user, id, reason);
                        return getTranslation("lifecycle.cancelled", certNumber);
                    }, refresh));
            cancel.setId("cancel-" + id);
            cancel.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            add(cancel);
        }
        if (state.permitsWork()) {
            Button extension = new Button(getTranslation("lifecycle.extension"), event -> LifecycleDialog.askDate(
                    getTranslation("lifecycle.extension.title", certNumber), getTranslation("lifecycle.extension.hint"),
                    getTranslation("lifecycle.approvedOn"), LocalDate.now(clock.withZone(zone)), approvedOn -> {
                        commands.approveReviewExtension(user, id, approvedOn);
                        return getTranslation("lifecycle.extended", certNumber, approvedOn.toString());
                    }, refresh));
            extension.setId("extension-" + id);
            extension.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            add(extension);
        }
    }
}
