package org.tezuo.app.ui.placeholder;

import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.tezuo.app.ui.layout.MainLayout;

/** Keeps {@code /permits} in the menu until its real view replaces this class on the same path. */
@Route(value = "permits", layout = MainLayout.class)
@Menu(order = 30, title = "menu.permits", icon = "vaadin:file-text-o")
@PermitAll
public class PermitsPlaceholderView extends PlaceholderView {

    public PermitsPlaceholderView() {
        super("menu.permits");
    }
}
