package org.tezuo.app.ui.designer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.util.Set;
import java.util.stream.Collectors;
import org.tezuo.app.security.CurrentUser;
import org.tezuo.app.security.CurrentUserProvider;
import org.tezuo.app.ui.fill.FormFillView;
import org.tezuo.app.ui.layout.MainLayout;
import org.tezuo.core.metadata.MetadataStore;
import org.tezuo.metadata.MetadataDocument;
import org.tezuo.metadata.MetadataKind;

/**
 * The tenant's form documents, newest version of each, with links to design and fill them, and a button that
 * starts a new form under a key the administrator chooses.
 *
 * <p>Element ids: {@code form-grid}, {@code design-<key>}, {@code fill-<key>}, {@code new-form},
 * {@code new-form-key}, {@code new-form-create}.
 */
@Route(value = "designer/forms", layout = MainLayout.class)
@Menu(order = 60, title = "menu.designer", icon = "vaadin:edit")
@RolesAllowed("SYSTEM_ADMIN")
public class FormListView extends VerticalLayout implements HasDynamicTitle {

    public FormListView(CurrentUserProvider currentUser, MetadataStore store) {
        setSizeFull();
        CurrentUser user = currentUser.require();
        Set<String> published = store.listPublished(user.tenantId(), MetadataKind.FORM).stream()
                .map(MetadataDocument::key)
                .collect(Collectors.toSet());

        Grid<MetadataDocument> grid = new Grid<>(MetadataDocument.class, false);
        grid.setId("form-grid");
        grid.setEmptyStateText(getTranslation("designer.list.empty"));
        grid.addColumn(MetadataDocument::key).setHeader(getTranslation("designer.list.key")).setAutoWidth(true);
        grid.addColumn(document -> FormDesignJson.read(document.body()).title().text(getLocale()))
                .setHeader(getTranslation("designer.list.title")).setAutoWidth(true);
        grid.addColumn(document -> getTranslation("designer.status", document.version(),
                getTranslation("designer.status." + document.status().name())))
                .setHeader(getTranslation("designer.list.status")).setAutoWidth(true);
        grid.addComponentColumn(document -> links(document.key(), published.contains(document.key())))
                .setHeader(getTranslation("designer.list.actions")).setAutoWidth(true);
        grid.setItems(store.listLatest(user.tenantId(), MetadataKind.FORM));

        Button create = new Button(getTranslation("designer.list.new"), VaadinIcon.PLUS.create(),
                event -> openNewFormDialog(store, user));
        create.setId("new-form");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(create, grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.designer");
    }

    private Div links(String key, boolean published) {
        RouterLink design = new RouterLink(getTranslation("designer.list.design"), FormDesignerView.class,
                new RouteParameters(FormDesignerView.KEY, key));
        design.setId("design-" + key);
        Div links = new Div(design);
        links.addClassName("tezuo-actions");
        if (published) {
            RouterLink fill = new RouterLink(getTranslation("designer.fill"), FormFillView.class,
                    new RouteParameters(FormFillView.KEY, key));
            fill.setId("fill-" + key);
            links.add(fill);
        }
        return links;
    }

    private void openNewFormDialog(MetadataStore store, CurrentUser user) {
        Dialog dialog = new Dialog(getTranslation("designer.list.new"));
        TextField key = new TextField(getTranslation("designer.list.key"));
        key.setId("new-form-key");
        key.setHelperText(getTranslation("designer.list.keyHelp"));
        key.setManualValidation(true);
        key.setWidthFull();
        Button create = new Button(getTranslation("designer.list.create"), event -> {
            String typed = key.getValue().strip();
            String problem = !FormKeys.isValid(typed) ? getTranslation("designer.keyInvalid", typed)
                    : !store.history(user.tenantId(), MetadataKind.FORM, typed).isEmpty()
                            ? getTranslation("designer.list.keyTaken", typed)
                            : null;
            key.setErrorMessage(problem);
            key.setInvalid(problem != null);
            if (problem == null) {
                dialog.close();
                getUI().ifPresent(ui -> ui.navigate(FormDesignerView.class,
                        new RouteParameters(FormDesignerView.KEY, typed)));
            }
        });
        create.setId("new-form-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("designer.list.cancel"), event -> dialog.close());
        dialog.add(key);
        dialog.getFooter().add(cancel, create);
        dialog.open();
    }
}
