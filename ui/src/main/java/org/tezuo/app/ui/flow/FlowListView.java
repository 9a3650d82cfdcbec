package org.tezuo.app.ui.flow;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.i18n.I18NProvider;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.tezuo.app.security.CurrentUser;
import org.tezuo.app.security.CurrentUserProvider;
import org.tezuo.app.ui.layout.MainLayout;
import org.tezuo.app.ui.layout.Notices;
import org.tezuo.core.i18n.LocalizedException;
import org.tezuo.core.metadata.MetadataStore;
import org.tezuo.metadata.MetadataDocument;
import org.tezuo.metadata.MetadataKind;

/**
 * The tenant's approval chains, newest version of each with its status, and a button that starts a new chain
 * under a key, a name in Chinese and English, and an optional form. The new chain, one approver long, is saved as
 * a draft at once and opened in the chain editor.
 *
 * <p>Element ids: {@code flow-grid}, {@code open-flow-<key>}, {@code new-flow}, {@code new-flow-key},
 * {@code new-flow-name-zh}, {@code new-flow-name-en}, {@code new-flow-form}, {@code new-flow-create}.
 */
@Route(value = "designer/flows", layout = MainLayout.class)
@Menu(order = 61, title = "menu.flowDesigner", icon = "vaadin:connect")
@RolesAllowed({"SYSTEM_ADMIN", "SAFETY_DIRECTOR"})
public class FlowListView extends VerticalLayout implements HasDynamicTitle {

    /** Flow keys the workflow parser accepts. */
    static final Pattern KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,62}");

    private final MetadataStore store;
    private final FlowTemplates templates;

    public FlowListView(CurrentUserProvider currentUser, MetadataStore store, I18NProvider captions) {
        this.store = store;
        this.templates = new FlowTemplates(captions);
        setSizeFull();
        CurrentUser user = currentUser.require();

        Grid<MetadataDocument> grid = new Grid<>(MetadataDocument.class, false);
        grid.setId("flow-grid");
        grid.setEmptyStateText(getTranslation("flow.list.empty"));
        grid.addColumn(MetadataDocument::key).setHeader(getTranslation("flow.list.key")).setAutoWidth(true);
        grid.addColumn(document -> FlowTexts.label(document.body().path("name"), getLocale()))
                .setHeader(getTranslation("flow.list.name")).setAutoWidth(true);
        grid.addColumn(document -> getTranslation("designer.status", document.version(),
                getTranslation("designer.status." + document.status().name())))
                .setHeader(getTranslation("flow.list.status")).setAutoWidth(true);
        grid.addComponentColumn(document -> {
            RouterLink open = new RouterLink(getTranslation("flow.list.open"), FlowDesignerView.class,
                    new RouteParameters(FlowDesignerView.KEY, document.key()));
            open.setId("open-flow-" + document.key());
            return open;
        }).setHeader(getTranslation("flow.list.actions")).setAutoWidth(true);
        grid.setItems(store.listLatest(user.tenantId(), MetadataKind.FLOW));

        Button create = new Button(getTranslation("flow.list.new"), VaadinIcon.PLUS.create(),
                event -> openNewFlowDialog(user));
        create.setId("new-flow");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(create, grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.flowDesigner");
    }

    private void openNewFlowDialog(CurrentUser user) {
        Dialog dialog = new Dialog(getTranslation("flow.list.new"));
        TextField key = field("new-flow-key", "flow.list.key");
        key.setHelperText(getTranslation("flow.list.keyHelp"));
        TextField nameZh = field("new-flow-name-zh", "flow.prop.name.zh");
        TextField nameEn = field("new-flow-name-en", "flow.prop.name.en");
        ComboBox<String> form = new ComboBox<>(getTranslation("flow.prop.form"));
        form.setId("new-flow-form");
        form.setWidthFull();
        Map<String, String> forms = new TreeMap<>();
        store.listPublished(user.tenantId(), MetadataKind.FORM).forEach(document -> forms.put(document.key(),
                FlowTexts.label(document.body().path("title"), getLocale())));
        form.setItems(forms.keySet());
        form.setItemLabelGenerator(item -> getTranslation("flow.field.option", forms.get(item), item));
        form.setClearButtonVisible(true);

        Button create = new Button(getTranslation("flow.list.create"), event -> {
            String typed = key.getValue().strip();
            String keyProblem = !KEY.matcher(typed).matches() ? getTranslation("flow.list.keyInvalid", typed)
                    : !store.history(user.tenantId(), MetadataKind.FLOW, typed).isEmpty()
                            ? getTranslation("flow.list.keyTaken", typed)
                            : null;
            String nameProblem = nameZh.getValue().isBlank() ? getTranslation("flow.list.nameMissing") : null;
            mark(key, keyProblem);
            mark(nameZh, nameProblem);
            if (keyProblem != null || nameProblem != null) {
                return;
            }
            try {
                store.saveDraft(user.tenantId(), MetadataKind.FLOW, typed, templates.flow(nameZh.getValue(),
                        nameEn.getValue(), form.getValue() == null ? "" : form.getValue()), user.username());
            } catch (LocalizedException e) {
                Notices.error(e.message(getLocale()));
                return;
            }
            dialog.close();
            getUI().ifPresent(ui -> ui.navigate(FlowDesignerView.class,
                    new RouteParameters(FlowDesignerView.KEY, typed)));
        });
        create.setId("new-flow-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("flow.cancel"), event -> dialog.close());
        dialog.add(new VerticalLayout(key, nameZh, nameEn, form));
        dialog.getFooter().add(cancel, create);
        dialog.open();
    }

    private TextField field(String id, String captionKey) {
        TextField field = new TextField(getTranslation(captionKey));
        field.setId(id);
        field.setManualValidation(true);
        field.setWidthFull();
        return field;
    }

    private static void mark(TextField field, String problem) {
        field.setErrorMessage(problem);
        field.setInvalid(problem != null);
    }
}
