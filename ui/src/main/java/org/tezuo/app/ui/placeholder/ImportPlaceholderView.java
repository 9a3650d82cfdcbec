package org.tezuo.app.ui.placeholder;

import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.tezuo.app.ui.layout.MainLayout;

/** Keeps {@code /import} in the menu until its real view replaces this class on the same path. */
@Route(value = "import", layout = MainLayout.class)
@Menu(order = 20, title = "menu.import", icon = "vaadin:upload")
@PermitAll
public class ImportPlaceholderView extends PlaceholderView {

    public ImportPlaceholderView() {
        super("menu.import");
    }
}
