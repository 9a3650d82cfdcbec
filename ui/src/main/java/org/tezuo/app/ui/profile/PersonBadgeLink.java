package org.tezuo.app.ui.profile;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.RouterLink;
import org.tezuo.app.profile.ProfileAccess;
import org.tezuo.app.security.CurrentUser;

/** The link from a person's page to the printable QR badge, shown only to users who may manage badges. */
public final class PersonBadgeLink extends Div {

    public PersonBadgeLink(long personId, CurrentUser user) {
        addClassName("tezuo-person-badge-link");
        setVisible(ProfileAccess.canManageBadge(user));
        RouterLink link = new RouterLink(getTranslation("badge.link"), PersonBadgeView.class,
                PersonBadgeView.parameters(personId));
        link.setId("person-badge-link");
        add(link);
    }
}
