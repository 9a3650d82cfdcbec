package org.tezuo.app.ui.person;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.badge.BadgeVariant;
import com.vaadin.flow.component.card.Card;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.tezuo.app.qualification.CertificateNumbers;
import org.tezuo.app.qualification.LifecycleAccess;
import org.tezuo.app.qualification.LifecycleCommands;
import org.tezuo.app.security.CurrentUser;
import org.tezuo.app.security.CurrentUserProvider;
import org.tezuo.app.ui.i18n.DisplayFormats;
import org.tezuo.app.ui.layout.MainLayout;
import org.tezuo.app.ui.profile.PersonBadgeLink;
import org.tezuo.core.qualification.Certificate;
import org.tezuo.core.qualification.CertificateClass;
import org.tezuo.core.qualification.LifecyclePolicy;
import org.tezuo.core.qualification.LifecycleRule;
import org.tezuo.core.qualification.LifecycleRules;
import org.tezuo.core.qualification.Person;
import org.tezuo.core.qualification.QualificationStore;
import org.tezuo.core.qualification.lifecycle.PostAbsenceStore;
import org.tezuo.core.qualification.verification.LifecyclePolicyResolver;
import org.tezuo.core.qualification.warning.PermitFreezer;
import org.tezuo.core.qualification.warning.WarningRuleNames;
import org.tezuo.core.tenant.TenantDirectory;

/**
 * One person of the user's tenant with every certificate, its class, state and last registry check, why permit
 * submission is frozen when it is, and the time away from the post. Certificate administrators revoke, cancel and
 * record an approved review extension on each certificate; HR and safety staff record leaving, returning and the
 * practical re-exam. An id that belongs to another tenant or to no person shows "not found" and no data.
 */
@Route(value = "persons/:" + PersonDetailView.PERSON_ID + "(\\d+)", layout = MainLayout.class)
// Workers are left out: certificate numbers embed the holder's full ID number.
@RolesAllowed({"SYSTEM_ADMIN", "SAFETY_DIRECTOR", "SAFETY_ENGINEER", "UNIT_HEAD", "TEAM_LEADER", "HRBP", "WORK_LEADER"})
public class PersonDetailView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    /** Route parameter holding the person id. */
    public static final String PERSON_ID = "personId";

    private final CurrentUserProvider currentUser;
    private final QualificationStore qualifications;
    private final TenantDirectory tenants;
    private final PermitFreezer freezer;
    private final LifecyclePolicyResolver policies;
    private final LifecycleCommands commands;
    private final PostAbsenceStore absences;
    private final WarningRuleNames ruleNames;
    private final Clock clock;
    private String title = "";

    public PersonDetailView(CurrentUserProvider currentUser, QualificationStore qualifications,
            TenantDirectory tenants, PermitFreezer freezer, LifecyclePolicyResolver policies,
            LifecycleCommands commands, PostAbsenceStore absences, WarningRuleNames ruleNames, Clock clock) {
        this.currentUser = currentUser;
        this.qualifications = qualifications;
        this.tenants = tenants;
        this.freezer = freezer;
        this.policies = policies;
        this.commands = commands;
        this.absences = absences;
        this.ruleNames = ruleNames;
        this.clock = clock;
        addClassName("tezuo-person-detail");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        render(event.getRouteParameters().getLong(PERSON_ID).orElse(-1L));
    }

    /** Shows the person with this id, or "not found" when the user's tenant has no such person. */
    private void render(long personId) {
        removeAll();
        CurrentUser user = currentUser.require();
        Optional<Person> person = qualifications.findPerson(user.tenantId(), personId);
        add(new RouterLink(getTranslation("persons.back"), PersonsView.class));

        if (person.isEmpty()) {
            title = getTranslation("person.notFound.title");
            Paragraph notFound = new Paragraph(getTranslation("person.notFound"));
            notFound.setId("person-not-found");
            add(notFound);
            return;
        }
        title = person.get().name();
        ZoneId zone = tenants.require(user.tenantId()).zone();
        show(user, person.get(), qualifications.certificatesOf(user.tenantId(), person.get().id()), zone);
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    private void show(CurrentUser user, Person person, List<Certificate> certificates, ZoneId zone) {
        H2 name = new H2(person.name());
        name.setId("person-name");
        add(name);
        add(new PersonBadgeLink(person.id(), user));
        if (person.permitFrozen()) {
            add(freezeNotice(user, person, zone));
        }
        add(personFields(person));

        add(new H3(getTranslation("person.certificates")));
        if (certificates.isEmpty()) {
            add(new Paragraph(getTranslation("person.certificates.none")));
        }
        Div cards = new Div();
        cards.addClassName("tezuo-certificate-list");
        LifecycleRules rules = policies.findPolicy(user.tenantId()).map(LifecyclePolicy::rules)
                .orElse(LifecycleRules.NONE);
        certificates.forEach(certificate -> cards.add(certificateCard(user, certificate, rules, zone)));
        add(cards);

        LocalDate today = clock.instant().atZone(zone).toLocalDate();
        add(new PostAbsencePanel(person, absences.latest(user.tenantId(), person.id()),
                absenceRule(certificates, rules, today), today, user, commands, () -> render(person.id())));
    }

    /**
     * Returns the rule whose away-from-post months apply to the person today: that of the class of the person's
     * newest certificate, as the permit gate picks it, or the special-operation rule when the person has none.
     */
    private static Optional<LifecycleRule> absenceRule(List<Certificate> certificates, LifecycleRules rules,
            LocalDate today) {
        CertificateClass certificateClass = certificates.isEmpty() ? CertificateClass.SPECIAL_OPERATION
                : certificates.getLast().certificateClass();
        return rules.ruleOn(certificateClass, today).filter(rule -> rule.awayFromPostMonths() != null);
    }

    /**
     * Shows why the person is frozen: the stored reason and, for a freeze the warning pass raised, the certificate,
     * the warning rule by name, since when and whether site access was revoked. Certificate numbers are masked
     * unless the user is a system administrator.
     */
    private Component freezeNotice(CurrentUser user, Person person, ZoneId zone) {
        Badge badge = new Badge(getTranslation("person.frozen.yes"));
        badge.addThemeVariants(BadgeVariant.ERROR);
        String reason = person.freezeReason() == null ? getTranslation("person.frozen.noReason")
                : CertificateNumbers.readable(user, person.freezeReason());
        Span text = new Span(getTranslation("person.frozen.reason", reason));
        Div notice = new Div(badge, text);
        freezer.activeFreezeOf(person.tenantId(), person.id()).ifPresent(freeze -> {
            String rule = freeze.ruleId() == null ? getTranslation("person.frozen.noRule")
                    : ruleNames.nameOf(person.tenantId(), freeze.ruleId(), getLocale());
            Span detail = new Span(getTranslation("person.frozen.detail",
                    CertificateNumbers.readable(user, freeze.certNumber()), freeze.item(), rule,
                    DisplayFormats.dateTime(freeze.frozenAt(), zone),
                    getTranslation(freeze.doorRevoked() ? "person.frozen.doorRevoked" : "person.frozen.doorKept")));
            detail.setId("freeze-detail");
            notice.add(detail);
        });
        notice.setId("freeze-notice");
        notice.addClassName("tezuo-freeze-notice");
        return notice;
    }

    private FormLayout personFields(Person person) {
        FormLayout fields = new FormLayout();
        fields.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        field(fields, "person.idNumber", person.maskedIdNumber());
        field(fields, "person.gender", person.gender());
        field(fields, "person.orgUnit", person.orgUnit());
        field(fields, "person.position", person.position());
        return fields;
    }

    private Card certificateCard(CurrentUser user, Certificate certificate, LifecycleRules rules, ZoneId zone) {
        String certNumber = CertificateNumbers.readable(user, certificate.certNumber());
        Card card = new Card();
        card.addClassName("tezuo-certificate");
        card.getElement().setAttribute("data-certificate", certNumber);
        card.getElement().setAttribute("data-certificate-id", String.valueOf(certificate.id()));
        card.setTitle(certNumber);
        card.setSubtitle(certificate.certificateClass().label(getLocale()) + " · " + certificate.item());
        card.setHeaderSuffix(CertificateStateLabels.badge(certificate.state(), getLocale()));

        FormLayout fields = new FormLayout();
        fields.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30em", 2));
        field(fields, "certificate.class", certificate.certificateClass().label(getLocale()));
        field(fields, "certificate.category", certificate.category());
        field(fields, "certificate.item", certificate.item());
        field(fields, "certificate.firstIssuedOn",
                DisplayFormats.date(certificate.firstIssuedOn(), certificate.firstIssuedPrecision()));
        field(fields, "certificate.validFrom", DisplayFormats.date(certificate.validFrom(), null));
        field(fields, "certificate.validUntil",
                DisplayFormats.date(certificate.validUntil(), certificate.validUntilPrecision()));
        field(fields, "certificate.reviewDueOn", DisplayFormats.date(certificate.reviewDueOn(), null));
        LocalDate windowOpens = reviewWindowOpensOn(certificate, rules);
        if (windowOpens != null) {
            field(fields, "certificate.reviewWindow", DisplayFormats.date(windowOpens, null));
        }
        field(fields, "certificate.reviewDoneOn", DisplayFormats.date(certificate.reviewDoneOn(), null));
        if (certificate.reviewExtensionApprovedOn() != null) {
            field(fields, "certificate.extensionApprovedOn",
                    DisplayFormats.date(certificate.reviewExtensionApprovedOn(), null));
        }
        if (certificate.stateReason() != null) {
            field(fields, "certificate.stateReason", certificate.stateReason());
        }
        field(fields, "certificate.issuer", certificate.issuer());
        field(fields, "certificate.registryCheck", registryCheck(certificate, zone));
        if (certificate.registryDetail() != null && !certificate.registryDetail().isBlank()) {
            field(fields, "certificate.registryDetail", CertificateNumbers.readable(user, certificate.registryDetail()));
        }
        card.add(fields);
        if (LifecycleAccess.canAdministerCertificates(user)) {
            card.add(new CertificateActions(certificate, certNumber, user, commands, zone, clock,
                    () -> render(certificate.personId())));
        }
        return card;
    }

    /** Returns the first day a review application for the due date is accepted, or null without a due date or window. */
    private static @Nullable LocalDate reviewWindowOpensOn(Certificate certificate, LifecycleRules rules) {
        LocalDate due = certificate.reviewDueOn();
        if (due == null) {
            return null;
        }
        return rules.ruleOn(certificate.certificateClass(), due)
                .map(rule -> rule.reviewWindowOpensOn(due))
                .orElse(null);
    }

    private String registryCheck(Certificate certificate, ZoneId zone) {
        if (certificate.registryResult() == null || certificate.registryCheckedAt() == null) {
            return getTranslation("certificate.registry.never");
        }
        return getTranslation("certificate.registry.checked",
                DisplayFormats.dateTime(certificate.registryCheckedAt(), zone),
                getTranslation("registry." + certificate.registryResult().name()));
    }

    private void field(FormLayout fields, String captionKey, @Nullable String value) {
        Span text = new Span(value == null || value.isEmpty() ? getTranslation("value.none") : value);
        fields.addFormItem(text, getTranslation(captionKey));
    }
}
