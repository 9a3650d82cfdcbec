package org.tezuo.app.ui.training;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.Map;
import java.util.Optional;
import org.tezuo.app.qualification.CertificateNumbers;
import org.tezuo.app.security.CurrentUser;
import org.tezuo.app.security.CurrentUserProvider;
import org.tezuo.app.ui.layout.MainLayout;
import org.tezuo.app.ui.layout.Notices;
import org.tezuo.core.audit.AuditLog;
import org.tezuo.core.qualification.Certificate;
import org.tezuo.core.qualification.Person;
import org.tezuo.core.qualification.QualificationStore;

/**
 * The page the 90-day certificate notice links to ({@code /training/enrolment?certificate=<id>}): it shows the
 * certificate whose review is due and records an enrolment request for the review training in the audit log.
 */
@Route(value = "training/enrolment", layout = MainLayout.class)
@PermitAll
public class TrainingEnrolmentView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final CurrentUser user;
    private final QualificationStore qualifications;
    private final AuditLog audit;

    public TrainingEnrolmentView(CurrentUserProvider currentUser, QualificationStore qualifications, AuditLog audit) {
        this.user = currentUser.require();
        this.qualifications = qualifications;
        this.audit = audit;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("training.title");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        Optional<Certificate> certificate = event.getLocation().getQueryParameters()
                .getSingleParameter("certificate")
                .filter(value -> value.matches("\\d{1,18}"))
                .flatMap(value -> qualifications.findCertificate(user.tenantId(), Long.parseLong(value)));
        if (certificate.isEmpty()) {
            Paragraph missing = new Paragraph(getTranslation("training.notFound"));
            missing.setId("training-not-found");
            add(missing);
            return;
        }
        show(certificate.get());
    }

    private void show(Certificate certificate) {
        Person person = qualifications.findPerson(user.tenantId(), certificate.personId()).orElseThrow();
        add(new H2(getTranslation("training.title")));
        Paragraph details = new Paragraph(getTranslation("training.details", person.name(),
                CertificateNumbers.readable(user, certificate.certNumber()), certificate.item(),
                String.valueOf(certificate.reviewDueOn() != null ? certificate.reviewDueOn()
                        : certificate.validUntil()), certificate.state().label(getLocale()),
                certificate.certificateClass().label(getLocale())));
        details.setId("training-details");
        Button enrol = new Button(getTranslation("training.enrol"), event -> {
            audit.append(user.tenantId(), user.username(), "training.enrolment-request", "certificate",
                    String.valueOf(certificate.id()), null, Map.of("person", person.id(), "item", certificate.item()));
            Notices.success(getTranslation("training.enrolled"));
            event.getSource().setEnabled(false);
        });
        enrol.setId("training-enrol");
        enrol.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(details, new Paragraph(getTranslation("training.note")), enrol);
    }
}
