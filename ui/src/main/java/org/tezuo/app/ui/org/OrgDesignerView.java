package org.tezuo.app.ui.org;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.dnd.GridDropMode;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.treegrid.TreeGrid;
import com.vaadin.flow.data.provider.hierarchy.TreeData;
import com.vaadin.flow.data.provider.hierarchy.TreeDataProvider;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.tezuo.app.org.OrgDesigner;
import org.tezuo.app.org.OrgDirectory;
import org.tezuo.app.org.OrgDirectory.OrgUnit;
import org.tezuo.app.org.OrgDirectory.TenantUser;
import org.tezuo.app.org.UnitKind;
import org.tezuo.app.security.CurrentUser;
import org.tezuo.app.security.CurrentUserProvider;
import org.tezuo.app.security.Role;
import org.tezuo.app.ui.layout.MainLayout;
import org.tezuo.app.ui.layout.Notices;
import org.tezuo.core.i18n.LocalizedException;

/**
 * The org designer for system administrators: a tree of org units and the list of users beside it. Dragging a unit
 * onto another moves it there, and dragging a user onto a unit places the user in it. Every drag has a button or
 * select that does the same, for users who cannot drag. Selecting a user shows the role check boxes.
 */
@Route(value = "org-designer", layout = MainLayout.class)
@Menu(order = 60, title = "menu.orgDesigner", icon = "vaadin:sitemap")
@RolesAllowed("SYSTEM_ADMIN")
public class OrgDesignerView extends VerticalLayout implements HasDynamicTitle {

    private final OrgDirectory directory;
    private final OrgDesigner designer;
    private final CurrentUser admin;

    private final TreeGrid<OrgUnit> units = new TreeGrid<>();
    private final Grid<TenantUser> people = new Grid<>();
    private final H3 personTitle = new H3();
    private final ComboBox<OrgUnit> personUnit = new ComboBox<>();
    private final CheckboxGroup<Role> personRoles = new CheckboxGroup<>();
    private final VerticalLayout personPanel = new VerticalLayout();

    private Map<Long, OrgUnit> unitsById = Map.of();
    private @Nullable OrgUnit draggedUnit;
    private @Nullable TenantUser draggedPerson;

    public OrgDesignerView(CurrentUserProvider currentUser, OrgDirectory directory, OrgDesigner designer) {
        this.directory = directory;
        this.designer = designer;
        this.admin = currentUser.require();
        setSizeFull();

        Paragraph hint = new Paragraph(getTranslation("org.designer.hint"));
        hint.addClassName("tezuo-muted");

        HorizontalLayout body = new HorizontalLayout(unitColumn(), peopleColumn());
        body.setSizeFull();
        add(hint, body);
        expand(body);

        refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.orgDesigner");
    }

    private VerticalLayout unitColumn() {
        units.setId("org-tree");
        units.addHierarchyColumn(OrgUnit::name).setHeader(getTranslation("org.designer.column.name"))
                .setSortable(false).setAutoWidth(true).setFlexGrow(3);
        units.addColumn(unit -> kindLabel(unit.kind())).setHeader(getTranslation("org.designer.column.kind"))
                .setAutoWidth(true);
        units.addColumn(OrgUnit::code).setHeader(getTranslation("org.designer.column.code")).setAutoWidth(true);
        units.setRowsDraggable(true);
        units.setDropMode(GridDropMode.ON_TOP);
        units.addDragStartListener(event -> {
            draggedUnit = event.getDraggedItems().getFirst();
            draggedPerson = null;
        });
        units.addDropListener(event -> event.getDropTargetItem().ifPresent(this::dropOn));
        units.setSizeFull();

        Button add = button("org-add-unit", "org.designer.addUnit", () -> new UnitDialogs(this).add(selectedUnit()));
        Button rename = button("org-rename-unit", "org.designer.renameUnit",
                () -> selectedUnit().ifPresent(unit -> new UnitDialogs(this).rename(unit)));
        Button move = button("org-move-unit", "org.designer.moveUnit",
                () -> selectedUnit().ifPresent(unit -> new UnitDialogs(this).move(unit, unitsById.values())));
        Button remove = button("org-remove-unit", "org.designer.removeUnit",
                () -> selectedUnit().ifPresent(unit -> new UnitDialogs(this).remove(unit)));
        remove.addThemeVariants(ButtonVariant.LUMO_ERROR);
        for (Button needsUnit : List.of(rename, move, remove)) {
            needsUnit.setEnabled(false);
        }
        units.asSingleSelect().addValueChangeListener(event -> {
            boolean selected = event.getValue() != null;
            for (Button needsUnit : List.of(rename, move, remove)) {
                needsUnit.setEnabled(selected);
            }
        });

        HorizontalLayout actions = new HorizontalLayout(add, rename, move, remove);
        actions.setWrap(true);
        VerticalLayout column = new VerticalLayout(new H3(getTranslation("org.designer.units")), actions, units);
        column.setPadding(false);
        column.setSizeFull();
        column.expand(units);
        return column;
    }

    private VerticalLayout peopleColumn() {
        people.setId("org-people");
        people.addColumn(TenantUser::displayName).setHeader(getTranslation("org.designer.column.person"))
                .setAutoWidth(true);
        people.addColumn(TenantUser::username).setHeader(getTranslation("org.designer.column.username"))
                .setAutoWidth(true);
        people.addColumn(this::unitName).setHeader(getTranslation("org.designer.column.unit")).setAutoWidth(true);
        people.addColumn(this::roleLabels).setHeader(getTranslation("org.designer.column.roles")).setFlexGrow(1);
        people.setRowsDraggable(true);
        people.addDragStartListener(event -> {
            draggedPerson = event.getDraggedItems().getFirst();
            draggedUnit = null;
        });
        people.asSingleSelect().addValueChangeListener(event -> showPerson(event.getValue()));
        people.setSizeFull();

        personUnit.setId("org-person-unit");
        personUnit.setLabel(getTranslation("org.designer.person.unit"));
        personUnit.setItemLabelGenerator(this::unitPath);
        personUnit.setWidth("24rem");
        Button movePerson = button("org-person-move", "org.designer.person.move", () -> {
            TenantUser person = people.asSingleSelect().getValue();
            OrgUnit target = personUnit.getValue();
            if (person != null && target != null) {
                movePerson(person, target);
            }
        });
        HorizontalLayout unitRow = new HorizontalLayout(personUnit, movePerson);
        unitRow.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

        personRoles.setId("org-person-roles");
        personRoles.setLabel(getTranslation("org.designer.person.roles"));
        personRoles.setItems(EnumSet.allOf(Role.class));
        personRoles.setItemLabelGenerator(role -> getTranslation("role." + role.code()));
        personRoles.addValueChangeListener(event -> {
            TenantUser person = people.asSingleSelect().getValue();
            if (event.isFromClient() && person != null) {
                setRoles(person, event.getValue());
            }
        });

        personTitle.setId("org-person-title");
        personPanel.add(personTitle, unitRow, personRoles);
        personPanel.setPadding(false);
        personPanel.setVisible(false);

        VerticalLayout column = new VerticalLayout(new H3(getTranslation("org.designer.people")), people,
                personPanel);
        column.setPadding(false);
        column.setSizeFull();
        column.expand(people);
        return column;
    }

    /** Moves the dragged unit or places the dragged user on the unit the row was dropped on. */
    private void dropOn(OrgUnit target) {
        OrgUnit unit = draggedUnit;
        TenantUser person = draggedPerson;
        draggedUnit = null;
        draggedPerson = null;
        if (unit != null && unit.id() != target.id()) {
            moveUnit(unit, target);
        } else if (person != null) {
            movePerson(person, target);
        }
    }

    void addUnit(@Nullable OrgUnit parent, String code, String name, UnitKind kind,
            Runnable onSuccess) {
        run(() -> designer.addUnit(admin.tenantId(), admin.username(), parent == null ? null : parent.id(), code,
                name, kind), "org.designer.added", name, onSuccess);
    }

    void renameUnit(OrgUnit unit, String name, Runnable onSuccess) {
        run(() -> designer.renameUnit(admin.tenantId(), admin.username(), unit.id(), name), "org.designer.renamed",
                name, onSuccess);
    }

    void moveUnit(OrgUnit unit, OrgUnit parent) {
        moveUnit(unit, parent, () -> {
        });
    }

    void moveUnit(OrgUnit unit, OrgUnit parent, Runnable onSuccess) {
        run(() -> designer.moveUnit(admin.tenantId(), admin.username(), unit.id(), parent.id()),
                "org.designer.moved", unit.name() + " → " + parent.name(), onSuccess);
    }

    void removeUnit(OrgUnit unit, Runnable onSuccess) {
        run(() -> designer.removeUnit(admin.tenantId(), admin.username(), unit.id()), "org.designer.removed",
                unit.name(), onSuccess);
    }

    private void movePerson(TenantUser person, OrgUnit unit) {
        run(() -> designer.movePerson(admin.tenantId(), admin.username(), person.username(), unit.id()),
                "org.designer.personMoved", person.displayName() + " → " + unit.name(), () -> {
                });
    }

    private void setRoles(TenantUser person, Set<Role> roles) {
        Set<String> codes = roles.stream().map(Role::code).collect(Collectors.toSet());
        run(() -> designer.setRoles(admin.tenantId(), admin.username(), person.username(), codes),
                "org.designer.rolesSaved", person.displayName(), () -> {
                });
    }

    /** Runs one change, shows its outcome and reloads the tree and the list; a rejected change shows the reason. */
    private void run(Runnable change, String successKey, String subject, Runnable onSuccess) {
        try {
            change.run();
            Notices.success(getTranslation(successKey, subject));
            onSuccess.run();
        } catch (LocalizedException e) {
            Notices.error(e.message(getLocale()));
        }
        refresh();
    }

    /** Reloads units and users, keeping the tree expanded and the selections. */
    private void refresh() {
        List<OrgUnit> all = directory.orgUnits(admin.tenantId());
        unitsById = all.stream().collect(Collectors.toMap(OrgUnit::id, Function.identity()));
        Optional<Long> selectedUnitId = selectedUnit().map(OrgUnit::id);
        Optional<String> selectedUsername = Optional.ofNullable(people.asSingleSelect().getValue())
                .map(TenantUser::username);

        TreeData<OrgUnit> tree = new TreeData<>();
        addChildren(tree, null, all);
        units.setDataProvider(new TreeDataProvider<>(tree));
        units.expandRecursively(tree.getRootItems(), Integer.MAX_VALUE);
        units.deselectAll();
        selectedUnitId.map(unitsById::get).ifPresent(units::select);

        List<OrgUnit> sortedUnits = all.stream().sorted(Comparator.comparing(this::unitPath)).toList();
        personUnit.setItems(sortedUnits);
        List<TenantUser> users = directory.users(admin.tenantId());
        people.setItems(users);
        people.deselectAll();
        selectedUsername.flatMap(name -> users.stream().filter(user -> user.username().equals(name)).findFirst())
                .ifPresentOrElse(people::select, () -> showPerson(null));
    }

    private void addChildren(TreeData<OrgUnit> tree, @Nullable OrgUnit parent, List<OrgUnit> all) {
        Long parentId = parent == null ? null : parent.id();
        for (OrgUnit unit : all) {
            boolean orphan = parent == null && unit.parentId() != null && !unitsById.containsKey(unit.parentId());
            if (Objects.equals(unit.parentId(), parentId) || orphan) {
                tree.addItem(parent, unit);
                addChildren(tree, unit, all);
            }
        }
    }

    private void showPerson(@Nullable TenantUser person) {
        personPanel.setVisible(person != null);
        if (person == null) {
            return;
        }
        personTitle.setText(getTranslation("org.designer.person.title", person.displayName(), person.username()));
        personUnit.setValue(person.orgUnitId() == null ? null : unitsById.get(person.orgUnitId()));
        Set<Role> roles = EnumSet.noneOf(Role.class);
        person.roles().forEach(code -> roles.add(Role.fromCode(code)));
        personRoles.setValue(roles);
    }

    private Optional<OrgUnit> selectedUnit() {
        return Optional.ofNullable(units.asSingleSelect().getValue());
    }

    private Button button(String id, String captionKey, Runnable action) {
        Button button = new Button(getTranslation(captionKey), event -> action.run());
        button.setId(id);
        return button;
    }

    String kindLabel(String kind) {
        return UnitKind.fromCode(kind)
                .map(known -> getTranslation("org.kind." + known.code()))
                .orElse(kind);
    }

    /** Returns the unit's name after its ancestors' names, for example 演示公司 / 维修车间 / 维修一班. */
    String unitPath(OrgUnit unit) {
        StringBuilder path = new StringBuilder(unit.name());
        Long parentId = unit.parentId();
        for (int depth = 0; parentId != null && unitsById.containsKey(parentId) && depth < 32; depth++) {
            OrgUnit parent = unitsById.get(parentId);
            path.insert(0, parent.name() + " / ");
            parentId = parent.parentId();
        }
        return path.toString();
    }

    private String unitName(TenantUser person) {
        OrgUnit unit = person.orgUnitId() == null ? null : unitsById.get(person.orgUnitId());
        return unit == null ? "" : unit.name();
    }

    private String roleLabels(TenantUser person) {
        return person.roles().stream()
                .map(Role::fromCode)
                .sorted()
                .map(role -> getTranslation("role." + role.code()))
                .collect(Collectors.joining(getTranslation("list.separator")));
    }
}
