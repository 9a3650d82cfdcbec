package org.tezuo.app.ui.profile;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.badge.BadgeVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.tezuo.app.profile.ProfileAccess;
import org.tezuo.app.security.CurrentUser;
import org.tezuo.app.security.CurrentUserProvider;
import org.tezuo.app.ui.error.ProblemNotice;
import org.tezuo.app.ui.i18n.LanguageSwitch;
import org.tezuo.core.qualification.Person;
import org.tezuo.core.qualification.profile.AssessmentClips;
import org.tezuo.core.qualification.profile.AssessmentRecords;
import org.tezuo.core.qualification.profile.PersonProfiles;
import org.tezuo.core.qualification.profile.PersonProfiles.PersonProfile;
import org.tezuo.core.qualification.profile.ProfileTokens;
import org.tezuo.core.tenant.TenantDirectory;
import org.tezuo.core.tenant.UserNames;

/**
 * The page a person's badge QR code opens, at {@code /profile/<token>}, laid out for a phone. It shows the identity
 * with the masked ID number and each certificate with its class, number (masked unless the reader is a system
 * administrator), state, expiry, last registry check, authenticity and check history. It then lists the training and practical assessment records with the clips whose consent was not
 * withdrawn. It needs a signed-in user of the badge's own tenant with a role of {@link ProfileAccess#READERS}. A
 * token that was cut off, revoked, regenerated or issued by another tenant shows what happened and what to do, and
 * nothing of the person. Recorders also see the forms that add a record and upload a clip.
 */
@Route(value = "profile/:" + PersonProfileView.TOKEN, autoLayout = false)
@RolesAllowed({"SYSTEM_ADMIN", "SAFETY_DIRECTOR", "SAFETY_ENGINEER", "UNIT_HEAD", "TEAM_LEADER", "HRBP", "WORK_LEADER"})
@StyleSheet("context://styles/tezuo.css")
@StyleSheet("context://styles/profile.css")
@StyleSheet("context://styles/problem.css")
public class PersonProfileView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    /** Route parameter holding the badge token. */
    public static final String TOKEN = "token";
    private static final String MALFORMED = "profile.malformed";

    private final CurrentUserProvider currentUser;
    private final PersonProfiles profiles;
    private final AssessmentRecords records;
    private final AssessmentClips clips;
    private final TenantDirectory tenants;
    private final UserNames names;
    private final ProfileTokens tokens;
    private String title = "";

    public PersonProfileView(CurrentUserProvider currentUser, PersonProfiles profiles, AssessmentRecords records,
            AssessmentClips clips, TenantDirectory tenants, UserNames names, ProfileTokens tokens) {
        this.currentUser = currentUser;
        this.profiles = profiles;
        this.records = records;
        this.clips = clips;
        this.tenants = tenants;
        this.names = names;
        this.tokens = tokens;
        addClassName("tezuo-profile");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        CurrentUser user = currentUser.require();
        String token = event.getRouteParameters().get(TOKEN).orElse("");
        Optional<PersonProfile> profile = profiles.byToken(user.tenantId(), token);
        removeAll();
        add(new LanguageSwitch(), new H1(getTranslation("app.name")));
        if (profile.isEmpty()) {
            title = getTranslation("profile.problem.heading");
            String problem = problemKey(user, token);
            add(new ProblemNotice("profile-not-found", "profile.problem.heading", getTranslation(problem),
                    getTranslation(problem.equals(MALFORMED) ? "profile.malformed.next" : "profile.problem.next")));
            return;
        }
        show(user, profile.get());
    }

    /** Returns the message key of the reason a token opens nothing: cut off, revoked, or unknown to the tenant. */
    private String problemKey(CurrentUser user, String token) {
        if (!ProfileTokens.isWellFormed(token)) {
            return MALFORMED;
        }
        return tokens.isRevoked(user.tenantId(), token) ? "profile.revoked" : "profile.notFound";
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    private void show(CurrentUser user, PersonProfile profile) {
        Person person = profile.person();
        title = getTranslation("profile.title") + " " + person.name();
        ZoneId zone = tenants.require(user.tenantId()).zone();
        Div page = new Div();
        page.setId("profile");
        page.add(identity(person));

        page.add(new H3(getTranslation("person.certificates")));
        page.add(new ProfileCertificateList(profile.certificates(), zone, user));

        page.add(new H3(getTranslation("profile.assessments")));
        boolean recorder = ProfileAccess.canRecord(user);
        page.add(new AssessmentList(profile.assessments(), recorder ? clips : null, user, zone,
                username -> names.of(user.tenantId(), username), () -> refresh(user, person)));
        if (recorder) {
            page.add(new AssessmentForm(records, user, person.id(), () -> refresh(user, person)));
        }
        add(page);
    }

    private void refresh(CurrentUser user, Person person) {
        removeAll();
        add(new LanguageSwitch(), new H1(getTranslation("app.name")));
        show(user, profiles.of(person));
    }

    private Component identity(Person person) {
        Div identity = new Div();
        identity.setId("profile-identity");
        identity.addClassName("tezuo-profile-identity");
        H2 name = new H2(person.name());
        name.setId("profile-name");
        identity.add(name);
        if (person.permitFrozen()) {
            Badge frozen = new Badge(getTranslation("person.frozen.yes"));
            frozen.addThemeVariants(BadgeVariant.ERROR);
            frozen.setId("profile-frozen");
            identity.add(frozen);
        }
        identity.add(fact("profile-id-number", "person.idNumber", person.maskedIdNumber()),
                fact("profile-org-unit", "person.orgUnit", person.orgUnit()),
                fact("profile-position", "person.position", person.position()));
        return identity;
    }

    private Div fact(String id, String captionKey, @Nullable String value) {
        return ProfileFacts.fact(this, id, captionKey, value);
    }
}
