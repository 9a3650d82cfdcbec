package org.tezuo.app.ui.placeholder;

import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.tezuo.app.ui.layout.MainLayout;

/** Keeps {@code /tasks} in the menu until its real view replaces this class on the same path. */
@Route(value = "tasks", layout = MainLayout.class)
@Menu(order = 40, title = "menu.tasks", icon = "vaadin:tasks")
@PermitAll
public class TasksPlaceholderView extends PlaceholderView {

    public TasksPlaceholderView() {
        super("menu.tasks");
    }
}
