package org.tezuo.app.ui.layout;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.util.stream.Collectors;
import org.tezuo.app.security.CurrentUser;
import org.tezuo.app.security.CurrentUserProvider;
import org.tezuo.app.ui.i18n.LanguageSwitch;

/**
 * Shell of every signed-in page: a navigation bar with the page title, and a drawer with the menu, the user's
 * name and roles, the language switch and logout. On a phone the drawer folds away behind the toggle. Views
 * implement {@link HasDynamicTitle} so the navigation bar shows their translated title.
 *
 * <p>The menu lists every route annotated with {@code @Menu} that the user may open; the annotation's title is
 * a caption key, for example {@code @Menu(order = 30, title = "menu.permits", icon = "vaadin:file-text-o")}.
 */
@PermitAll
@StyleSheet("context://styles/tezuo.css")
public class MainLayout extends AppLayout implements AfterNavigationObserver {

    private final H1 pageTitle = new H1();

    public MainLayout(CurrentUserProvider currentUser, AuthenticationContext authentication) {
        setPrimarySection(Section.DRAWER);

        pageTitle.addClassName("tezuo-page-title");
        addToNavbar(new DrawerToggle(), pageTitle);

        Span appName = new Span(getTranslation("app.name"));
        appName.addClassName("tezuo-app-name");
        addToDrawer(appName, menu(), userBox(currentUser.require(), authentication));
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        pageTitle.setText(getContent() instanceof HasDynamicTitle view ? view.getPageTitle() : "");
    }

    private SideNav menu() {
        SideNav nav = new SideNav();
        nav.setId("main-menu");
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            SideNavItem item = new SideNavItem(getTranslation(entry.title()), entry.path());
            if (entry.icon() != null && entry.icon().startsWith("vaadin:")) {
                item.setPrefixComponent(new Icon("vaadin", entry.icon().substring("vaadin:".length())));
            }
            nav.addItem(item);
        }
        return nav;
    }

    private Component userBox(CurrentUser user, AuthenticationContext authentication) {
        Span name = new Span(user.displayName());
        name.setId("current-user-name");
        name.addClassName("tezuo-user-name");

        Span roles = new Span(user.roles().stream()
                .sorted()
                .map(role -> getTranslation("role." + role.code()))
                .collect(Collectors.joining(getTranslation("list.separator"))));
        roles.addClassName("tezuo-user-roles");

        Button logout = new Button(getTranslation("action.logout"), new Icon(VaadinIcon.SIGN_OUT),
                event -> authentication.logout());
        logout.setId("logout");
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);

        VerticalLayout box = new VerticalLayout(new Div(name), new Div(roles), new LanguageSwitch(), logout);
        box.addClassName("tezuo-user-box");
        box.setDefaultHorizontalComponentAlignment(FlexComponent.Alignment.START);
        return box;
    }
}
