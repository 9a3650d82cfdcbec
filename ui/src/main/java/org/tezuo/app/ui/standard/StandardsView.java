package org.tezuo.app.ui.standard;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.treegrid.TreeGrid;
import com.vaadin.flow.data.provider.hierarchy.TreeData;
import com.vaadin.flow.data.provider.hierarchy.TreeDataProvider;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.tezuo.app.security.CurrentUser;
import org.tezuo.app.security.CurrentUserProvider;
import org.tezuo.app.standard.IndustryStandards;
import org.tezuo.app.ui.i18n.DisplayFormats;
import org.tezuo.app.ui.i18n.TranslationProvider;
import org.tezuo.app.ui.layout.MainLayout;
import org.tezuo.app.ui.layout.Notices;
import org.tezuo.core.i18n.LocalizedException;
import org.tezuo.core.rules.LocalizedText;
import org.tezuo.core.rules.ThresholdRange;
import org.tezuo.core.standard.OverrideRequest;
import org.tezuo.core.standard.PhysicalRange;
import org.tezuo.core.standard.StandardDetail;
import org.tezuo.core.standard.StandardItem;
import org.tezuo.core.standard.StandardScenario;
import org.tezuo.core.standard.StandardsCatalog;
import org.tezuo.core.standard.StandardsException;
import org.tezuo.core.standard.ThresholdOverride;
import org.tezuo.core.standard.ThresholdOverrideCommands;
import org.tezuo.core.standard.ThresholdUsage;
import org.tezuo.core.tenant.TenantDirectory;

/**
 * 标准配置中心: the thresholds in force as a tree of industry, kind of work and item, and for the picked item its
 * origin, the enterprise override form, the rules and score factors that read it, and the override history.
 */
@Route(value = "standards", layout = MainLayout.class)
@Menu(order = 62, title = "menu.standards", icon = "vaadin:sliders")
@RolesAllowed({"SYSTEM_ADMIN", "SAFETY_DIRECTOR", "SAFETY_ENGINEER"})
public class StandardsView extends HorizontalLayout implements HasDynamicTitle, BeforeEnterObserver {

    /** Query parameter that opens one threshold, as {@code ruleset/threshold}, for example from a risk item. */
    static final String ITEM_PARAMETER = "item";

    /** One row of the tree: the industry, a kind of work, or a threshold. */
    record Node(String id, String name, @Nullable StandardItem item) {
    }

    private final IndustryStandards industries;
    private final StandardsCatalog catalog;
    private final ThresholdOverrideCommands commands;
    private final CurrentUser user;
    private final Locale locale;
    private final ZoneId zone;
    private final TreeGrid<Node> tree = new TreeGrid<>();
    private final VerticalLayout detail = new VerticalLayout();

    public StandardsView(CurrentUserProvider currentUser, IndustryStandards industries, StandardsCatalog catalog,
            ThresholdOverrideCommands commands, TenantDirectory tenants) {
        this.industries = industries;
        this.catalog = catalog;
        this.commands = commands;
        this.user = currentUser.require();
        this.locale = getLocale();
        this.zone = tenants.require(user.tenantId()).zone();
        setSizeFull();

        tree.setId("standards-tree");
        tree.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        tree.addHierarchyColumn(Node::name).setHeader(getTranslation("standards.column.item")).setFlexGrow(3);
        tree.addColumn(node -> node.item() == null ? ""
                : shownValue(node.item().value()) + " " + node.item().unit())
                .setHeader(getTranslation("standards.column.value")).setAutoWidth(true);
        tree.addColumn(node -> node.item() == null ? "" : node.item().clause())
                .setHeader(getTranslation("standards.column.clause")).setFlexGrow(2);
        tree.addColumn(node -> node.item() == null ? "" : originBadge(node.item()))
                .setHeader(getTranslation("standards.column.origin")).setAutoWidth(true);
        tree.asSingleSelect().addValueChangeListener(event -> {
            Node node = event.getValue();
            if (node != null && node.item() != null) {
                showDetail(node.item().rulesetKey(), node.item().key());
            }
        });
        tree.setWidth("60%");
        tree.setHeightFull();
        detail.setId("standards-detail");
        detail.setWidth("40%");
        detail.add(new Paragraph(getTranslation("standards.pick")));
        add(tree, detail);
        refreshTree();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.getLocation().getQueryParameters().getSingleParameter(ITEM_PARAMETER).ifPresent(this::select);
    }

    /** Expands the kind of work of {@code reference} ({@code ruleset/threshold}) and selects its threshold. */
    private void select(String reference) {
        TreeData<Node> data = ((TreeDataProvider<Node>) tree.getDataProvider()).getTreeData();
        data.getRootItems().stream()
                .flatMap(root -> data.getChildren(root).stream())
                .flatMap(scenario -> data.getChildren(scenario).stream())
                .filter(node -> node.id().equals(reference))
                .findFirst()
                .ifPresent(node -> {
                    tree.expand(data.getParent(node));
                    tree.select(node);
                });
    }

    private void refreshTree() {
        IndustryStandards.Industry industry = industries.of(user.tenantId(), locale);
        TreeData<Node> data = new TreeData<>();
        Node root = new Node("industry", text(industry.name()), null);
        data.addItem(null, root);
        for (StandardScenario scenario : industry.scenarios()) {
            Node scenarioNode = new Node(scenario.rulesetKey(), getTranslation("standards.scenario",
                    text(scenario.scenarioLabel()), scenario.rulesetKey(), scenario.version()), null);
            data.addItem(root, scenarioNode);
            for (StandardItem item : scenario.items()) {
                String marker = item.unconfirmed() ? getTranslation("standards.unconfirmedMark") : "";
                data.addItem(scenarioNode, new Node(item.rulesetKey() + "/" + item.key(),
                        text(item.label()) + marker, item));
            }
        }
        tree.setDataProvider(new TreeDataProvider<>(data));
        tree.expand(root);
    }

    private void showDetail(String rulesetKey, String thresholdKey) {
        detail.removeAll();
        StandardDetail read;
        try {
            read = catalog.detail(user.tenantId(), rulesetKey, thresholdKey, locale);
        } catch (LocalizedException e) {
            Notices.error(e.message(locale));
            return;
        }
        StandardItem item = read.item();
        H3 title = new H3(text(item.label()));
        title.setId("standard-title");
        Paragraph inForce = new Paragraph(getTranslation("standards.inForce", shownValue(item.value()), item.unit(),
                item.originText()));
        inForce.setId("standard-in-force");
        detail.add(title, inForce,
                new Paragraph(getTranslation("standards.documentValue", shownValue(item.documentValue()),
                        item.unit(), item.clause())),
                new Paragraph(getTranslation("standards.limits", direction(item), range(item.physicalRange()),
                        range(item.range()))));
        if (item.mandatory()) {
            detail.add(muted(getTranslation("standards.mandatory")));
        }
        if (item.unconfirmed()) {
            detail.add(muted(getTranslation("standards.unconfirmed")));
        }
        if (item.note() != null) {
            detail.add(muted(getTranslation("standards.note", item.note())));
        }
        detail.add(overrideForm(item), usages(read), history(read));
    }

    private Div overrideForm(StandardItem item) {
        TextField value = new TextField(getTranslation("standards.form.value", item.unit()));
        value.setId("override-value");
        value.setValue(value(item.value()));
        TextField source = new TextField(getTranslation("standards.form.source"));
        source.setId("override-source");
        source.setPlaceholder(getTranslation("standards.form.sourceExample"));
        source.setWidthFull();
        TextField reason = new TextField(getTranslation("standards.form.reason"));
        reason.setId("override-reason");
        reason.setWidthFull();
        Checkbox confirm = new Checkbox(getTranslation("standards.form.confirmLoosening"));
        confirm.setId("override-confirm");

        Button save = new Button(getTranslation("standards.form.save"), event -> run(item, () -> commands.set(
                user.tenantId(), item.rulesetKey(), item.key(), new OverrideRequest(value.getValue(), item.unit(),
                        reason.getValue(), source.getValue(), confirm.getValue()), user.username(), locale),
                "standards.saved"));
        save.setId("override-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button remove = new Button(getTranslation("standards.form.remove"), event -> run(item, () -> commands.remove(
                user.tenantId(), item.rulesetKey(), item.key(), reason.getValue(), user.username()),
                "standards.removed"));
        remove.setId("override-remove");
        remove.setEnabled(item.overridden());

        Div form = new Div(new H4(getTranslation("standards.form.title")), value, source, reason, confirm,
                new Div(save, remove));
        form.setWidthFull();
        return form;
    }

    private void run(StandardItem item, java.util.function.Supplier<ThresholdOverride> change, String doneKey) {
        try {
            ThresholdOverride stored = change.get();
            Notices.success(getTranslation(doneKey, text(item.label()), stored.value() == null ? "" : stored.value(),
                    stored.unit()));
        } catch (StandardsException.Rejected e) {
            Notices.error(String.join("\n", e.problems()));
            return;
        } catch (LocalizedException e) {
            Notices.error(e.message(locale));
            return;
        }
        refreshTree();
        showDetail(item.rulesetKey(), item.key());
    }

    private Div usages(StandardDetail read) {
        Grid<ThresholdUsage> grid = new Grid<>();
        grid.setId("standard-usages");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.addColumn(usage -> getTranslation("standards.usage." + usage.kind().name()))
                .setHeader(getTranslation("standards.usage.kind")).setAutoWidth(true);
        grid.addColumn(ThresholdUsage::id).setHeader(getTranslation("standards.usage.id")).setAutoWidth(true);
        grid.addColumn(usage -> text(usage.text())).setHeader(getTranslation("standards.usage.text"));
        grid.addColumn(usage -> String.join("、", usage.fields())).setHeader(getTranslation("standards.usage.fields"))
                .setAutoWidth(true);
        grid.setItems(read.usages());
        return new Div(new H4(getTranslation("standards.usages", read.usages().size())), grid);
    }

    private Div history(StandardDetail read) {
        Grid<ThresholdOverride> grid = new Grid<>();
        grid.setId("standard-history");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.addColumn(change -> DisplayFormats.dateTime(change.changedAt(), zone))
                .setHeader(getTranslation("standards.history.at")).setAutoWidth(true);
        grid.addColumn(ThresholdOverride::changedBy).setHeader(getTranslation("standards.history.by"))
                .setAutoWidth(true);
        grid.addColumn(change -> getTranslation("standards.history.action." + change.action().name(),
                change.value() == null ? "" : shownValue(change.value()), change.unit(),
                getTranslation("standards.change." + change.change().name())))
                .setHeader(getTranslation("standards.history.change"));
        grid.addColumn(change -> change.reason() + (change.source() == null ? "" : "（" + change.source() + "）"))
                .setHeader(getTranslation("standards.history.reason"));
        grid.addColumn(change -> change.active() ? getTranslation("standards.history.active") : "")
                .setAutoWidth(true);
        grid.setItems(read.history());
        return new Div(new H4(getTranslation("standards.history", read.history().size())), grid);
    }

    private String originBadge(StandardItem item) {
        return getTranslation("standards.origin." + item.origin().kind().name());
    }

    private String direction(StandardItem item) {
        return getTranslation("standards.direction." + item.direction().name());
    }

    private String range(@Nullable Object range) {
        return switch (range) {
            case null -> getTranslation("standards.range.none");
            case PhysicalRange physical -> bounds(physical.min(), physical.max()) + " " + physical.unit();
            case ThresholdRange own -> bounds(own.min(), own.max());
            default -> range.toString();
        };
    }

    private String bounds(@Nullable BigDecimal min, @Nullable BigDecimal max) {
        return getTranslation("standards.range.bounds", min == null ? "—" : value(min), max == null ? "—" : value(max));
    }

    private Paragraph muted(String text) {
        Paragraph paragraph = new Paragraph(text);
        paragraph.addClassName("tezuo-muted");
        return paragraph;
    }

    private String text(LocalizedText text) {
        return text.in(locale);
    }

    /**
     * Returns a threshold value as the tree, the detail and the history show it. A coded value with a
     * {@code standards.value.} caption, such as the SIMOPS handling BLOCK, reads as that caption, while the override
     * field still takes the code.
     */
    private String shownValue(Object value) {
        if (value instanceof String code && TranslationProvider.defines("standards.value." + code)) {
            return getTranslation("standards.value." + code);
        }
        return value(value);
    }

    private String value(Object value) {
        if (value instanceof BigDecimal number) {
            return number.stripTrailingZeros().toPlainString();
        }
        if (value instanceof Boolean flag) {
            return getTranslation(flag ? "standards.true" : "standards.false");
        }
        return value.toString();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.standards");
    }
}
