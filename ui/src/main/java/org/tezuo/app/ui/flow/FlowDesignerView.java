package org.tezuo.app.ui.flow;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.i18n.I18NProvider;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.tezuo.app.org.OrgDirectory;
import org.tezuo.app.security.CurrentUser;
import org.tezuo.app.security.CurrentUserProvider;
import org.tezuo.app.security.Role;
import org.tezuo.app.ui.designer.DesignerButtons;
import org.tezuo.app.ui.designer.EditHistory;
import org.tezuo.app.ui.i18n.DisplayFormats;
import org.tezuo.app.ui.layout.MainLayout;
import org.tezuo.app.ui.layout.Notices;
import org.tezuo.core.i18n.LocalizedException;
import org.tezuo.core.metadata.MetadataStore;
import org.tezuo.metadata.DocumentStatus;
import org.tezuo.metadata.MetaSchemaViolation;
import org.tezuo.metadata.MetadataDocument;
import org.tezuo.metadata.MetadataKind;
import org.tezuo.workflow.bpmn.ChainCompiler;
import org.tezuo.workflow.definition.FlowDefinitionParser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Designs one approval chain at {@code /designer/flows/<key>}: the chain as cards with "+" buttons, drag to
 * reorder, undo and redo, a property panel, the compiled BPMN diagram with a download, and the list of stored
 * versions. {@code ?version=<n>} opens a stored version read-only. Saving runs the designer's checks, the
 * meta-schema and, for chains the workflow parser compiles today, the parser. Each problem is listed with the
 * node it belongs to, and that card is marked. Nothing is stored until all of them pass.
 *
 * <p>Element ids: {@code flow-undo}, {@code flow-redo}, {@code flow-save}, {@code flow-publish},
 * {@code flow-status}, {@code flow-problems}, {@code flow-tab-chain}, {@code flow-tab-bpmn},
 * {@code flow-tab-versions}, {@code flow-bpmn}, {@code flow-bpmn-message}, {@code flow-bpmn-download},
 * {@code flow-versions}, {@code flow-read-only}.
 */
@Route(value = "designer/flows/:" + FlowDesignerView.KEY, layout = MainLayout.class)
@RolesAllowed({"SYSTEM_ADMIN", "SAFETY_DIRECTOR"})
@StyleSheet("context://styles/designer.css")
@StyleSheet("context://styles/flow-designer.css")
public class FlowDesignerView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle, FlowActions {

    /** Route parameter holding the flow key. */
    public static final String KEY = "key";

    /** Query parameter naming a stored version to show read-only. */
    public static final String VERSION = "version";

    private final CurrentUserProvider currentUser;
    private final MetadataStore store;
    private final OrgDirectory directory;
    private final FlowTemplates templates;
    private final FlowDefinitionParser parser = new FlowDefinitionParser();
    private final Button undo = new Button();
    private final Button redo = new Button();
    private final Span status = new Span();
    private final Div problems = new Div();
    private final BpmnViewer viewer = new BpmnViewer();
    private final Paragraph bpmnMessage = new Paragraph();
    private String key = "";
    private String title = "";
    private boolean readOnly;
    private Set<String> invalid = Set.of();
    private @Nullable EditHistory<FlowDesign> history;
    private FlowSelection selection = new FlowSelection.Flow();
    private @Nullable FlowCanvas canvas;
    private @Nullable FlowPropertyPanel panel;
    private @Nullable TabSheet tabs;

    public FlowDesignerView(CurrentUserProvider currentUser, MetadataStore store, OrgDirectory directory,
            I18NProvider captions) {
        this.currentUser = currentUser;
        this.store = store;
        this.directory = directory;
        this.templates = new FlowTemplates(captions);
        addClassName("tezuo-flow-designer");
        setWidthFull();
        problems.setId("flow-problems");
        problems.addClassName("tezuo-refusal");
        problems.getElement().setAttribute("role", "alert");
        status.setId("flow-status");
        status.addClassName("tezuo-muted");
        viewer.setId("flow-bpmn");
        bpmnMessage.setId("flow-bpmn-message");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        key = event.getRouteParameters().get(KEY).orElse("");
        add(new RouterLink(getTranslation("flow.back"), FlowListView.class));
        CurrentUser user = currentUser.require();
        List<MetadataDocument> versions = store.history(user.tenantId(), MetadataKind.FLOW, key);
        Optional<Integer> requested = event.getLocation().getQueryParameters().getSingleParameter(VERSION)
                .flatMap(FlowDesignerView::parseVersion);
        Optional<MetadataDocument> shown = requested.isPresent()
                ? versions.stream().filter(document -> document.version() == requested.get()).findFirst()
                : versions.stream().findFirst();
        if (shown.isEmpty()) {
            title = getTranslation("flow.notFound.title");
            Paragraph missing = new Paragraph(getTranslation("flow.notFound", key));
            missing.setId("flow-not-found");
            add(missing);
            return;
        }
        readOnly = requested.isPresent();
        history = new EditHistory<>(new FlowDesign(shown.get().body().deepCopy().asObject()), FlowDesign::isSameAs);
        selection = new FlowSelection.Flow();
        invalid = Set.of();
        title = getTranslation("flow.title", FlowTexts.label(shown.get().body().path("name"), getLocale()));
        build(user, versions, shown.get());
        refresh(true);
    }

    private static Optional<Integer> parseVersion(String text) {
        try {
            return Optional.of(Integer.parseInt(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    private void build(CurrentUser user, List<MetadataDocument> versions, MetadataDocument shown) {
        H2 heading = new H2(title);
        heading.setId("flow-title");
        DesignerButtons.history(undo, redo, "flow", this::moveInHistory);
        Button save = DesignerButtons.save("flow", () -> save(user));
        Button publish = DesignerButtons.publish("flow", () -> publish(user));
        Div toolbar = new Div(undo, redo, save, publish, status);
        toolbar.addClassName("tezuo-actions");
        problems.setVisible(false);
        add(heading);
        if (readOnly) {
            Paragraph notice = new Paragraph(getTranslation("flow.readOnly", shown.version(),
                    getTranslation("designer.status." + shown.status().name())));
            notice.setId("flow-read-only");
            add(notice, new RouterLink(getTranslation("flow.readOnly.back"), FlowDesignerView.class,
                    new com.vaadin.flow.router.RouteParameters(KEY, key)));
        } else {
            add(toolbar);
        }
        add(problems);

        FlowCanvas chainCanvas = new FlowCanvas(this);
        FlowPropertyPanel propertyPanel = new FlowPropertyPanel(this);
        Div workspace = new Div(chainCanvas, propertyPanel);
        workspace.addClassName("tezuo-flow-workspace");
        canvas = chainCanvas;
        panel = propertyPanel;

        Anchor download = new Anchor(BpmnFiles.download(
                () -> BpmnFiles.fileName(FlowTexts.label(design().toJson().path("name"), getLocale()), key),
                this::compile), getTranslation("flow.bpmn.download"));
        download.setId("flow-bpmn-download");
        Div bpmn = new Div(bpmnMessage, download, viewer);
        bpmn.addClassName("tezuo-flow-bpmn");

        TabSheet sheet = new TabSheet();
        sheet.setWidthFull();
        sheet.add(getTranslation("flow.tab.chain"), workspace).setId("flow-tab-chain");
        sheet.add(getTranslation("flow.tab.bpmn"), bpmn).setId("flow-tab-bpmn");
        sheet.add(getTranslation("flow.tab.versions"), versionGrid(versions)).setId("flow-tab-versions");
        sheet.addSelectedChangeListener(event -> {
            if (sheet.getSelectedIndex() == 1) {
                showBpmn();
            }
        });
        tabs = sheet;
        add(sheet);
        showStoredState(user);
    }

    private Grid<MetadataDocument> versionGrid(List<MetadataDocument> versions) {
        Grid<MetadataDocument> grid = new Grid<>(MetadataDocument.class, false);
        grid.setId("flow-versions");
        grid.addColumn(MetadataDocument::version).setHeader(getTranslation("flow.versions.version"))
                .setAutoWidth(true);
        grid.addColumn(document -> getTranslation("designer.status." + document.status().name()))
                .setHeader(getTranslation("flow.versions.status")).setAutoWidth(true);
        grid.addColumn(MetadataDocument::author).setHeader(getTranslation("flow.versions.author")).setAutoWidth(true);
        grid.addColumn(document -> DisplayFormats.dateTime(document.savedAt(), java.time.ZoneId.systemDefault()))
                .setHeader(getTranslation("flow.versions.savedAt")).setAutoWidth(true);
        grid.addComponentColumn(document -> {
            Button open = new Button(getTranslation("flow.versions.open"), event -> getUI().ifPresent(ui ->
                    ui.navigate("designer/flows/" + key, QueryParameters.of(VERSION,
                            String.valueOf(document.version())))));
            open.setId("flow-version-open-" + document.version());
            open.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            return open;
        }).setHeader(getTranslation("flow.versions.actions")).setAutoWidth(true);
        grid.setItems(versions);
        grid.setAllRowsVisible(true);
        return grid;
    }

    @Override
    public FlowDesign design() {
        return requireHistory().current();
    }

    @Override
    public FlowTemplates templates() {
        return templates;
    }

    @Override
    public FlowSelection selection() {
        return selection;
    }

    @Override
    public boolean readOnly() {
        return readOnly;
    }

    @Override
    public Set<String> invalidIds() {
        return invalid;
    }

    @Override
    public Map<String, String> formFields() {
        String form = design().toJson().path("form").asString("");
        if (form.isEmpty()) {
            return Map.of();
        }
        Map<String, String> fields = new LinkedHashMap<>();
        store.findPublished(currentUser.require().tenantId(), MetadataKind.FORM, form).ifPresent(document ->
                document.body().path("schema").path("properties").properties().forEach(entry -> fields.put(
                        entry.getKey(), FlowTexts.label(entry.getValue().path("x-label"), getLocale()))));
        return fields;
    }

    @Override
    public Map<String, String> forms() {
        Map<String, String> forms = new TreeMap<>();
        store.listPublished(currentUser.require().tenantId(), MetadataKind.FORM).forEach(document -> forms.put(
                document.key(), FlowTexts.label(document.body().path("title"), getLocale())));
        return forms;
    }

    @Override
    public Map<String, String> users() {
        Map<String, String> users = new TreeMap<>();
        directory.users(currentUser.require().tenantId()).forEach(user -> users.put(user.username(),
                user.displayName()));
        return users;
    }

    @Override
    public List<String> roles() {
        return Arrays.stream(Role.values()).map(Role::code).toList();
    }

    @Override
    public void execute(FlowCommand command, boolean redrawPanel) {
        if (readOnly) {
            return;
        }
        try {
            requireHistory().apply(command::applyTo);
        } catch (FlowCommand.Refused e) {
            Notices.error(getTranslation(e.messageKey(), e.arguments()));
            redrawPanel = true;
        } catch (IllegalArgumentException e) {
            // The page drew a node or place that the design no longer has; a redraw shows the current design.
            Notices.error(getTranslation("flow.refused.outdated"));
            redrawPanel = true;
        }
        refresh(redrawPanel || !isSelectionValid());
    }

    @Override
    public void select(FlowSelection newSelection) {
        if (newSelection.equals(selection)) {
            // A click on the selected card keeps the panel, so a field being typed in keeps its text and focus.
            return;
        }
        selection = newSelection;
        refresh(true);
    }

    private void moveInHistory(boolean back) {
        if (back) {
            requireHistory().undo();
        } else {
            requireHistory().redo();
        }
        refresh(true);
    }

    private void refresh(boolean redrawPanel) {
        if (!isSelectionValid()) {
            selection = new FlowSelection.Flow();
            redrawPanel = true;
        }
        if (canvas != null) {
            canvas.redraw();
        }
        if (panel != null && redrawPanel) {
            panel.redraw();
        }
        if (tabs != null && tabs.getSelectedIndex() == 1) {
            showBpmn();
        }
        EditHistory<FlowDesign> editHistory = requireHistory();
        undo.setEnabled(editHistory.canUndo());
        redo.setEnabled(editHistory.canRedo());
        status.getElement().setAttribute("data-unsaved", String.valueOf(editHistory.hasUnsavedChanges()));
    }

    private boolean isSelectionValid() {
        FlowDesign design = design();
        return switch (selection) {
            case FlowSelection.Flow flow -> true;
            case FlowSelection.OpenInitiator open -> true;
            case FlowSelection.Node(String id) -> design.node(id).isPresent();
            case FlowSelection.Branch(String owner, String branch) -> design.branch(owner, branch).isPresent();
        };
    }

    /** Compiles the current design to BPMN XML. */
    private String compile() {
        ObjectNode body = design().toJson();
        return new ChainCompiler().compile(parser.parse(key, 0, "draft", body));
    }

    /** Draws the compiled diagram of the current design, or shows in the user's language why it cannot. */
    private void showBpmn() {
        try {
            String xml = compile();
            bpmnMessage.setText("");
            bpmnMessage.setVisible(false);
            viewer.setVisible(true);
            viewer.show(xml);
        } catch (LocalizedException e) {
            notCompiled(e.message(getLocale()));
        } catch (IllegalArgumentException | IllegalStateException e) {
            notCompiled(String.valueOf(e.getMessage()));
        }
    }

    private void notCompiled(String reason) {
        bpmnMessage.setText(getTranslation("flow.bpmn.notCompiled", reason));
        bpmnMessage.setVisible(true);
        viewer.setVisible(false);
    }

    /** Checks and saves the draft; returns false, listing every problem, when anything is wrong. */
    private boolean save(CurrentUser user) {
        EditHistory<FlowDesign> editHistory = requireHistory();
        ObjectNode body = editHistory.current().toJson();
        List<MetaSchemaViolation> found = problemsOf(user, body);
        if (!found.isEmpty()) {
            showProblems(getTranslation("flow.saveRefused", found.size()), found, body);
            return false;
        }
        try {
            MetadataDocument saved = store.saveDraft(user.tenantId(), MetadataKind.FLOW, key, body, user.username());
            editHistory.markSaved();
            clearProblems();
            Notices.success(getTranslation("designer.saved", saved.version()));
            showStoredState(user);
            refresh(false);
            return true;
        } catch (LocalizedException e) {
            showProblems(getTranslation("flow.saveRefused", 1),
                    List.of(new MetaSchemaViolation("", e.message(getLocale()))), body);
            return false;
        }
    }

    private List<MetaSchemaViolation> problemsOf(CurrentUser user, ObjectNode body) {
        List<MetaSchemaViolation> found = new ArrayList<>(FlowProblems.check(body, this));
        MetadataDocument candidate = store.candidate(user.tenantId(), MetadataKind.FLOW, key, body,
                user.username());
        List<MetaSchemaViolation> stored = store.validate(candidate, getLocale());
        found.addAll(stored);
        if (found.isEmpty() && FlowProblems.usesCompiledTypesOnly(body)) {
            try {
                parser.parse(candidate);
            } catch (LocalizedException e) {
                found.add(new MetaSchemaViolation("", e.message(getLocale())));
            }
        }
        return found;
    }

    /**
     * Saves unsaved changes, then publishes the draft. A refusal leaves the draft a draft and shows the reason; a
     * design equal to the newest published version is not published again.
     */
    private void publish(CurrentUser user) {
        Optional<MetadataDocument> latest = store.history(user.tenantId(), MetadataKind.FLOW, key).stream()
                .findFirst();
        boolean unsaved = requireHistory().hasUnsavedChanges();
        if (!unsaved && latest.isPresent() && latest.get().status() == DocumentStatus.PUBLISHED) {
            showProblems(getTranslation("designer.publishRefused"), List.of(new MetaSchemaViolation("",
                    getTranslation("designer.publish.unchanged", latest.get().version()))), design().toJson());
            return;
        }
        if (!save(user)) {
            return;
        }
        try {
            MetadataDocument published = store.publish(user.tenantId(), MetadataKind.FLOW, key, user.username());
            clearProblems();
            Notices.success(getTranslation("designer.published", published.version()));
        } catch (LocalizedException e) {
            showProblems(getTranslation("designer.publishRefused"),
                    List.of(new MetaSchemaViolation("", e.message(getLocale()))), design().toJson());
        }
        showStoredState(user);
    }

    private void showStoredState(CurrentUser user) {
        Optional<MetadataDocument> latest = store.history(user.tenantId(), MetadataKind.FLOW, key).stream()
                .findFirst();
        status.setText(latest.map(document -> getTranslation("designer.status", document.version(),
                getTranslation("designer.status." + document.status().name())))
                .orElse(getTranslation("designer.status.new")));
        latest.ifPresent(document -> status.getElement().setAttribute("data-status", document.status().name()));
    }

    /** Lists the problems, each with the name of its node, and marks the cards of those nodes. */
    private void showProblems(String summary, List<MetaSchemaViolation> found, JsonNode body) {
        problems.removeAll();
        UnorderedList list = new UnorderedList();
        Set<String> owners = new HashSet<>();
        FlowDesign design = new FlowDesign(body.deepCopy().asObject());
        for (MetaSchemaViolation problem : found) {
            String owner = FlowProblems.ownerOf(body, problem.path());
            String text = problem.path().isEmpty() ? problem.message()
                    : getTranslation("designer.problem", problem.path(), problem.message());
            if (!owner.isEmpty()) {
                owners.add(owner);
                String name = design.node(owner).map(node -> FlowTexts.label(node.path("name"), getLocale()))
                        .orElse(owner);
                text = getTranslation("flow.problem.node", name, owner, text);
            }
            ListItem item = new ListItem(text);
            item.getElement().setAttribute("data-path", problem.path());
            item.getElement().setAttribute("data-node", owner);
            list.add(item);
        }
        problems.add(new Span(summary), list);
        problems.setVisible(true);
        invalid = Set.copyOf(owners);
        refresh(false);
        Notices.error(summary);
    }

    private void clearProblems() {
        problems.removeAll();
        problems.setVisible(false);
        invalid = Set.of();
        refresh(false);
    }

    private EditHistory<FlowDesign> requireHistory() {
        if (history == null) {
            throw new IllegalStateException("The designer has no flow loaded");
        }
        return history;
    }
}
