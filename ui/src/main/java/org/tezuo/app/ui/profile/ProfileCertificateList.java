package org.tezuo.app.ui.profile;

import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.badge.BadgeVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import java.time.ZoneId;
import java.util.List;
import org.tezuo.app.qualification.CertificateNumbers;
import org.tezuo.app.security.CurrentUser;
import org.tezuo.app.ui.i18n.DisplayFormats;
import org.tezuo.app.ui.person.CertificateStateLabels;
import org.tezuo.core.qualification.Certificate;
import org.tezuo.core.qualification.profile.Authenticity;
import org.tezuo.core.qualification.profile.PersonProfiles.CertificateEntry;
import org.tezuo.core.qualification.profile.RegistryCheckHistory;

/**
 * The certificates of the profile page: item, class, number, state, expiry, the last registry check with its time,
 * result and authenticity, the review dates and the history of registry checks. Numbers are masked unless the
 * reader is a system administrator ({@link CertificateNumbers}).
 */
final class ProfileCertificateList extends Div {

    private final CurrentUser reader;

    ProfileCertificateList(List<CertificateEntry> certificates, ZoneId zone, CurrentUser reader) {
        this.reader = reader;
        setId("profile-certificates");
        addClassName("tezuo-profile-certificates");
        if (certificates.isEmpty()) {
            add(new Paragraph(getTranslation("person.certificates.none")));
        }
        certificates.forEach(entry -> add(certificate(entry, zone)));
    }

    private Div certificate(CertificateEntry entry, ZoneId zone) {
        Certificate certificate = entry.certificate();
        Div card = new Div();
        card.addClassName("tezuo-profile-certificate");
        String certNumber = CertificateNumbers.readable(reader, certificate.certNumber());
        card.getElement().setAttribute("data-certificate", certNumber);
        H4 item = new H4(certificate.item());
        card.add(item, CertificateStateLabels.badge(certificate.state(), getLocale()), authenticity(entry));
        card.add(ProfileFacts.fact(this, null, "certificate.class", certificate.certificateClass().label(getLocale())),
                ProfileFacts.fact(this, null, "certificate.number", certNumber),
                ProfileFacts.fact(this, null, "certificate.validUntil",
                        DisplayFormats.date(certificate.validUntil(), certificate.validUntilPrecision())),
                ProfileFacts.fact(this, null, "certificate.registryCheck", lastCheck(certificate, zone)),
                ProfileFacts.fact(this, null, "certificate.reviewDueOn",
                        DisplayFormats.date(certificate.reviewDueOn(), null)),
                ProfileFacts.fact(this, null, "certificate.reviewDoneOn",
                        DisplayFormats.date(certificate.reviewDoneOn(), null)));
        card.add(history(entry.checks(), zone));
        return card;
    }

    private Badge authenticity(CertificateEntry entry) {
        Authenticity authenticity = entry.authenticity();
        Badge badge = new Badge(getTranslation("profile.authenticity", authenticity.label(getLocale())));
        badge.addThemeVariants(switch (authenticity) {
            case AUTHENTIC -> BadgeVariant.SUCCESS;
            case MISMATCH -> BadgeVariant.ERROR;
            case NOT_VERIFIABLE -> BadgeVariant.WARNING;
        });
        badge.getElement().setAttribute("data-authenticity", authenticity.name());
        badge.addClassName("tezuo-profile-authenticity");
        return badge;
    }

    private String lastCheck(Certificate certificate, ZoneId zone) {
        if (certificate.registryResult() == null || certificate.registryCheckedAt() == null) {
            return getTranslation("certificate.registry.never");
        }
        return getTranslation("certificate.registry.checked",
                DisplayFormats.dateTime(certificate.registryCheckedAt(), zone),
                certificate.registryResult().label(getLocale()));
    }

    private Div history(List<RegistryCheckHistory.Check> checks, ZoneId zone) {
        Div history = new Div();
        history.addClassName("tezuo-profile-history");
        history.add(new Paragraph(getTranslation("profile.checkHistory")));
        if (checks.isEmpty()) {
            history.add(new Paragraph(getTranslation("profile.checkHistory.none")));
            return history;
        }
        UnorderedList list = new UnorderedList();
        for (RegistryCheckHistory.Check check : checks) {
            String text = check.stateBefore() == check.stateAfter()
                    ? getTranslation("profile.check", DisplayFormats.dateTime(check.checkedAt(), zone),
                            check.result().label(getLocale()))
                    : getTranslation("profile.check.changed", DisplayFormats.dateTime(check.checkedAt(), zone),
                            check.result().label(getLocale()), check.stateBefore().label(getLocale()),
                            check.stateAfter().label(getLocale()));
            list.add(new ListItem(text));
        }
        history.add(list);
        return history;
    }
}
