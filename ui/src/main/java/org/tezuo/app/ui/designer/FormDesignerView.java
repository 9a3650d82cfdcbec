package org.tezuo.app.ui.designer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.i18n.I18NProvider;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.tezuo.app.security.CurrentUser;
import org.tezuo.app.security.CurrentUserProvider;
import org.tezuo.app.ui.fill.FormFillView;
import org.tezuo.app.ui.layout.MainLayout;
import org.tezuo.app.ui.layout.Notices;
import org.tezuo.app.ui.permit.PermitPresentation;
import org.tezuo.core.entity.EntityCatalog;
import org.tezuo.core.i18n.LocalizedException;
import org.tezuo.core.metadata.MetadataStore;
import org.tezuo.core.rules.ExpressionCompiler;
import org.tezuo.form.check.FormDocumentCheck;
import org.tezuo.form.definition.FieldWidget;
import org.tezuo.form.definition.FormDefinitionParser;
import org.tezuo.form.definition.InvalidFormDefinitionException;
import org.tezuo.metadata.DocumentStatus;
import org.tezuo.metadata.MetaSchemaViolation;
import org.tezuo.metadata.MetadataDocument;
import org.tezuo.metadata.MetadataKind;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Designs one form document at {@code /designer/forms/<key>}: palette, canvas and property panel side by side,
 * undo and redo, saving the draft and publishing it, a live preview and the JSON. A key without a document starts
 * a new form, stored on the first save. Saving runs the designer's own checks, the meta-schema, every document
 * check and the form parser, and lists each problem with its path. Nothing is stored until all of them pass.
 *
 * <p>Element ids: {@code designer-undo}, {@code designer-redo}, {@code designer-save}, {@code designer-publish},
 * {@code designer-status}, {@code designer-problems}, {@code designer-fill-link}.
 */
@Route(value = "designer/forms/:" + FormDesignerView.KEY, layout = MainLayout.class)
@RolesAllowed("SYSTEM_ADMIN")
@StyleSheet("context://styles/designer.css")
public class FormDesignerView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle, DesignActions {

    /** Route parameter holding the form key. */
    public static final String KEY = "key";

    private final CurrentUserProvider currentUser;
    private final MetadataStore store;
    private final FormDefinitionParser parser;
    private final PermitPresentation presentation;
    private final JsonMapper json;
    private final I18NProvider captions;
    private final EntityCatalog catalog;
    private final DesignChecker checker;
    private final FieldTemplates templates;
    private final Button undo = new Button();
    private final Button redo = new Button();
    private final Span status = new Span();
    private final Div problems = new Div();
    private final RouterLink fillLink = new RouterLink();
    private String key = "";
    private String title = "";
    private @Nullable DesignHistory history;
    private DesignSelection selection = new DesignSelection.Form();
    private @Nullable DesignCanvas canvas;
    private @Nullable PropertyPanel panel;
    private @Nullable DesignPreview preview;

    public FormDesignerView(CurrentUserProvider currentUser, MetadataStore store, FormDefinitionParser parser,
            ExpressionCompiler compiler, PermitPresentation presentation, JsonMapper json, I18NProvider captions,
            EntityCatalog catalog, FormDocumentCheck formCheck) {
        this.catalog = catalog;
        this.captions = captions;
        this.currentUser = currentUser;
        this.store = store;
        this.parser = parser;
        this.presentation = presentation;
        this.json = json;
        this.checker = new DesignChecker(compiler, parser, formCheck, captions);
        this.templates = new FieldTemplates(captions);
        addClassName("tezuo-designer");
        setWidthFull();
        problems.setId("designer-problems");
        problems.addClassName("tezuo-refusal");
        problems.getElement().setAttribute("role", "alert");
        status.setId("designer-status");
        status.addClassName("tezuo-muted");
        fillLink.setId("designer-fill-link");
        fillLink.setText(getTranslation("designer.fill"));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        key = event.getRouteParameters().get(KEY).orElse("");
        add(new RouterLink(getTranslation("designer.back"), FormListView.class));
        if (!FormKeys.isValid(key)) {
            title = getTranslation("designer.keyInvalid.title");
            Paragraph invalid = new Paragraph(getTranslation("designer.keyInvalid", key));
            invalid.setId("designer-key-invalid");
            add(invalid);
            return;
        }
        CurrentUser user = currentUser.require();
        Optional<MetadataDocument> latest = store.history(user.tenantId(), MetadataKind.FORM, key).stream()
                .findFirst();
        FormDesign design = latest.map(document -> FormDesignJson.read(document.body()))
                .orElseGet(() -> NewForms.blank(captions));
        history = new DesignHistory(design);
        selection = new DesignSelection.Form();
        title = getTranslation("designer.title", key);
        build(user);
        refresh(true);
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    private void build(CurrentUser user) {
        H2 heading = new H2(title);
        heading.setId("designer-title");

        DesignerButtons.history(undo, redo, "designer", this::moveInHistory);
        Button save = DesignerButtons.save("designer", () -> save(user));
        Button publish = DesignerButtons.publish("designer", () -> publish(user));
        fillLink.setRoute(FormFillView.class, new RouteParameters(FormFillView.KEY, key));
        Div toolbar = new Div(undo, redo, save, publish, status, fillLink);
        toolbar.addClassName("tezuo-actions");
        problems.setVisible(false);

        DesignCanvas designCanvas = new DesignCanvas(this);
        PropertyPanel propertyPanel = new PropertyPanel(this, checker);
        Div workspace = new Div(new Palette(this), designCanvas, propertyPanel);
        workspace.addClassName("tezuo-designer-workspace");
        DesignPreview designPreview = new DesignPreview(parser,
                presentation.formContext(user.tenantId(), getLocale()), json);
        canvas = designCanvas;
        panel = propertyPanel;
        preview = designPreview;
        add(heading, toolbar, problems, workspace, designPreview);
        showStoredState(user);
    }

    @Override
    public FormDesign design() {
        return requireHistory().current();
    }

    @Override
    public I18NProvider captions() {
        return captions;
    }

    @Override
    public Map<String, String> recordEntities() {
        Map<String, String> labels = new TreeMap<>();
        catalog.publishedRecordEntities(currentUser.require().tenantId())
                .forEach((name, entity) -> labels.put(name, entity.label(getLocale())));
        return labels;
    }

    @Override
    public DesignSelection selection() {
        return selection;
    }

    @Override
    public void execute(DesignCommand command, boolean redrawPanel) {
        requireHistory().execute(command);
        if (command instanceof DesignCommand.ReplaceField(String oldKey, FieldDesign replacement)
                && selection instanceof DesignSelection.Field(String selected) && selected.equals(oldKey)) {
            selection = new DesignSelection.Field(replacement.key());
        }
        refresh(redrawPanel || !isSelectionValid());
    }

    @Override
    public void select(DesignSelection newSelection) {
        selection = newSelection;
        refresh(true);
    }

    @Override
    public void addField(FieldWidget widget, int section, int position) {
        FormDesign design = design();
        FieldDesign field = templates.create(widget, design.unusedKey(widget.code()));
        if (design.sections().isEmpty()) {
            execute(new DesignCommand.Sequence(List.of(new DesignCommand.AddSection(NewForms.section(
                    captions, 1)), new DesignCommand.AddField(field, 0, 0))), false);
        } else {
            execute(new DesignCommand.AddField(field, section, position), false);
        }
        select(new DesignSelection.Field(field.key()));
    }

    @Override
    public int targetSection() {
        FormDesign design = design();
        int last = Math.max(0, design.sections().size() - 1);
        return switch (selection) {
            case DesignSelection.Section(int index) -> index;
            case DesignSelection.Field(String field) -> design.sectionOf(field).orElse(last);
            case DesignSelection.Form form -> last;
        };
    }

    private void moveInHistory(boolean back) {
        DesignHistory designHistory = requireHistory();
        if (back) {
            designHistory.undo();
        } else {
            designHistory.redo();
        }
        refresh(true);
    }

    /** Draws canvas, preview and JSON from the current design; the property panel only when asked. */
    private void refresh(boolean redrawPanel) {
        if (!isSelectionValid()) {
            selection = new DesignSelection.Form();
            redrawPanel = true;
        }
        DesignHistory designHistory = requireHistory();
        if (canvas != null) {
            canvas.redraw();
        }
        if (panel != null && redrawPanel) {
            panel.redraw();
        }
        if (preview != null) {
            preview.show(key, FormDesignJson.write(designHistory.current()));
        }
        undo.setEnabled(designHistory.canUndo());
        redo.setEnabled(designHistory.canRedo());
        status.getElement().setAttribute("data-unsaved", String.valueOf(designHistory.hasUnsavedChanges()));
    }

    private boolean isSelectionValid() {
        FormDesign design = design();
        return switch (selection) {
            case DesignSelection.Form form -> true;
            case DesignSelection.Section(int index) -> index >= 0 && index < design.sections().size();
            case DesignSelection.Field(String field) -> design.field(field).isPresent();
        };
    }

    /** Checks and saves the draft; returns false, listing every problem, when anything is wrong. */
    private boolean save(CurrentUser user) {
        DesignHistory designHistory = requireHistory();
        ObjectNode body = FormDesignJson.write(designHistory.current());
        List<MetaSchemaViolation> found = problemsOf(user, body);
        if (!found.isEmpty()) {
            showProblems(getTranslation("designer.saveRefused", found.size()), found);
            return false;
        }
        try {
            MetadataDocument saved = store.saveDraft(user.tenantId(), MetadataKind.FORM, key, body, user.username());
            designHistory.markSaved();
            clearProblems();
            Notices.success(getTranslation("designer.saved", saved.version()));
            showStoredState(user);
            refresh(false);
            return true;
        } catch (LocalizedException e) {
            showProblems(getTranslation("designer.saveRefused", 1),
                    List.of(new MetaSchemaViolation("", e.message(getLocale()))));
            return false;
        }
    }

    private List<MetaSchemaViolation> problemsOf(CurrentUser user, ObjectNode body) {
        List<MetaSchemaViolation> found = new ArrayList<>(checker.problems(design(), getLocale()));
        design().entity().filter(entity -> !recordEntities().containsKey(entity)).ifPresent(entity -> found.add(
                new MetaSchemaViolation("/" + FormDesign.ENTITY,
                        getTranslation("designer.check.entityUnknown", entity))));
        MetadataDocument candidate = store.candidate(user.tenantId(), MetadataKind.FORM, key, body,
                user.username());
        List<MetaSchemaViolation> stored = store.validate(candidate, getLocale());
        found.addAll(stored);
        if (stored.isEmpty()) {
            try {
                parser.parse(candidate);
            } catch (InvalidFormDefinitionException e) {
                e.problems().forEach(problem -> found.add(new MetaSchemaViolation("", problem.message(getLocale()))));
            }
        }
        return found;
    }

    /**
     * Saves unsaved changes, then publishes the draft. A refusal (a failed check or a publication step) leaves
     * the draft a draft and shows the reason. A design that equals the newest published version is not
     * published again.
     */
    private void publish(CurrentUser user) {
        Optional<MetadataDocument> latest = store.history(user.tenantId(), MetadataKind.FORM, key).stream()
                .findFirst();
        boolean unsaved = requireHistory().hasUnsavedChanges();
        if (!unsaved && latest.isPresent() && latest.get().status() == DocumentStatus.PUBLISHED) {
            showProblems(getTranslation("designer.publishRefused"), List.of(new MetaSchemaViolation("",
                    getTranslation("designer.publish.unchanged", latest.get().version()))));
            return;
        }
        if ((unsaved || latest.isEmpty()) && !save(user)) {
            return;
        }
        try {
            MetadataDocument published = store.publish(user.tenantId(), MetadataKind.FORM, key, user.username());
            clearProblems();
            Notices.success(getTranslation("designer.published", published.version()));
        } catch (LocalizedException e) {
            showProblems(getTranslation("designer.publishRefused"),
                    List.of(new MetaSchemaViolation("", e.message(getLocale()))));
        }
        showStoredState(user);
    }

    private void showStoredState(CurrentUser user) {
        Optional<MetadataDocument> latest = store.history(user.tenantId(), MetadataKind.FORM, key).stream()
                .findFirst();
        status.setText(latest.map(document -> getTranslation("designer.status", document.version(),
                getTranslation("designer.status." + document.status().name())))
                .orElse(getTranslation("designer.status.new")));
        latest.ifPresent(document -> status.getElement().setAttribute("data-status", document.status().name()));
        fillLink.setVisible(store.findPublished(user.tenantId(), MetadataKind.FORM, key).isPresent());
    }

    private void showProblems(String summary, List<MetaSchemaViolation> found) {
        problems.removeAll();
        UnorderedList list = new UnorderedList();
        for (MetaSchemaViolation problem : found) {
            String text = problem.path().isEmpty() ? problem.message()
                    : getTranslation("designer.problem", problem.path(), problem.message());
            ListItem item = new ListItem(text);
            item.getElement().setAttribute("data-path", problem.path());
            list.add(item);
        }
        problems.add(new Span(summary), list);
        problems.setVisible(true);
        Notices.error(summary);
    }

    private void clearProblems() {
        problems.removeAll();
        problems.setVisible(false);
    }

    private DesignHistory requireHistory() {
        if (history == null) {
            throw new IllegalStateException("The designer has no form loaded");
        }
        return history;
    }
}
