package org.tezuo.app.ui.task;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.card.Card;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.PermitAll;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tezuo.app.permit.Permit;
import org.tezuo.app.security.CurrentUser;
import org.tezuo.app.security.CurrentUserProvider;
import org.tezuo.app.ui.form.FieldDisplay;
import org.tezuo.app.ui.i18n.ComponentTexts;
import org.tezuo.app.ui.i18n.DisplayFormats;
import org.tezuo.app.ui.layout.MainLayout;
import org.tezuo.app.ui.layout.Notices;
import org.tezuo.app.ui.permit.PermitDetailView;
import org.tezuo.app.ui.permit.PermitEditorView;
import org.tezuo.app.ui.permit.PermitPresentation;
import org.tezuo.app.ui.permit.PermitSummary;
import org.tezuo.app.ui.task.TaskInbox.Criteria;
import org.tezuo.app.ui.task.TaskInbox.FlowChoice;
import org.tezuo.app.ui.task.TaskInbox.Item;
import org.tezuo.app.ui.task.TaskInbox.Lists;
import org.tezuo.core.i18n.LocalizedException;

/**
 * The inbox: tabs for to do (tasks offered to the user's roles included), done and copied to the user, each with
 * its count, narrowed by flow, keyword (business key, permit number, applicant) and date range. A wide window
 * shows a grid. Below 600 CSS pixels the stylesheet hides it and shows one card per item, so a phone does not
 * scroll sideways. Unread copies carry a marker until opened.
 */
@Route(value = "tasks", layout = MainLayout.class)
@Menu(order = 40, title = "menu.tasks", icon = "vaadin:tasks")
@StyleSheet("context://styles/inbox.css")
@PermitAll
public class TasksView extends VerticalLayout implements HasDynamicTitle {

    private final CurrentUser user;
    private final TaskInbox inbox;
    private final PermitPresentation presentation;
    private final FieldDisplay display;
    private final ZoneId zone;
    private final Map<TaskInbox.Tab, Tab> tabs = new EnumMap<>(TaskInbox.Tab.class);
    private final Tabs tabBar = new Tabs();
    private final ComboBox<FlowChoice> flow = new ComboBox<>();
    private final TextField keyword = new TextField();
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final Div content = new Div();
    private final Map<String, String> flowNames = new HashMap<>();

    public TasksView(CurrentUserProvider currentUser, TaskInbox inbox, PermitPresentation presentation) {
        this.user = currentUser.require();
        this.inbox = inbox;
        this.presentation = presentation;
        this.display = presentation.display(presentation.formContext(user.tenantId(), getLocale()));
        this.zone = presentation.zone(user.tenantId());
        addClassName("tezuo-inbox");

        for (TaskInbox.Tab kind : TaskInbox.Tab.values()) {
            Tab tab = new Tab();
            tab.setId("tab-" + kind.name().toLowerCase(Locale.ROOT));
            tabs.put(kind, tab);
            tabBar.add(tab);
        }
        tabBar.addSelectedChangeListener(event -> refresh());
        content.setWidthFull();
        add(filters(), tabBar, content);
        refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.tasks");
    }

    private Component filters() {
        flow.setId("inbox-flow");
        flow.setLabel(getTranslation("inbox.filter.flow"));
        flow.setItems(inbox.flows(user.tenantId()));
        flow.setItemLabelGenerator(choice -> choice.name().in(getLocale()));
        flow.setClearButtonVisible(true);
        flow.setPlaceholder(getTranslation("inbox.filter.flow.all"));
        flow.addValueChangeListener(event -> refresh());

        keyword.setId("inbox-keyword");
        keyword.setLabel(getTranslation("inbox.filter.keyword"));
        keyword.setPlaceholder(getTranslation("inbox.filter.keyword.placeholder"));
        keyword.setPrefixComponent(VaadinIcon.SEARCH.create());
        keyword.setClearButtonVisible(true);
        keyword.setValueChangeMode(ValueChangeMode.LAZY);
        keyword.addValueChangeListener(event -> refresh());

        for (DatePicker picker : List.of(from, to)) {
            picker.setI18n(ComponentTexts.calendar(picker));
            picker.setClearButtonVisible(true);
            picker.addValueChangeListener(event -> refresh());
        }
        from.setId("inbox-from");
        from.setLabel(getTranslation("inbox.filter.from"));
        to.setId("inbox-to");
        to.setLabel(getTranslation("inbox.filter.to"));

        Div bar = new Div(flow, keyword, from, to);
        bar.setId("inbox-filters");
        bar.addClassName("tezuo-inbox-filters");
        return bar;
    }

    /** Reloads the three lists with the current filters, updates the counts and shows the selected list. */
    private void refresh() {
        if (from.getValue() != null && to.getValue() != null && to.getValue().isBefore(from.getValue())) {
            to.setErrorMessage(getTranslation("inbox.filter.range", DisplayFormats.date(from.getValue(), null)));
            to.setInvalid(true);
            return;
        }
        to.setInvalid(false);
        Criteria criteria = new Criteria(flow.getValue() == null ? null : flow.getValue().key(), keyword.getValue(),
                from.getValue(), to.getValue());
        Lists lists;
        try {
            lists = inbox.load(user, criteria, zone, getLocale());
        } catch (LocalizedException e) {
            Notices.error(e.message(getLocale()));
            return;
        }
        label(TaskInbox.Tab.TODO, getTranslation("inbox.tab.todo", lists.todo().size()), lists.todo().size());
        label(TaskInbox.Tab.DONE, getTranslation("inbox.tab.done", lists.done().size()), lists.done().size());
        long unread = lists.unreadCopies();
        label(TaskInbox.Tab.COPIED, unread == 0 ? getTranslation("inbox.tab.copied", lists.copied().size())
                : getTranslation("inbox.tab.copiedUnread", lists.copied().size(), unread), lists.copied().size());
        tabs.get(TaskInbox.Tab.COPIED).getElement().setAttribute("data-unread", String.valueOf(unread));

        TaskInbox.Tab selected = selectedTab();
        content.removeAll();
        content.getElement().setAttribute("data-tab", selected.name());
        content.add(grid(lists.of(selected)), cards(lists.of(selected), selected));
    }

    private void label(TaskInbox.Tab kind, String text, int count) {
        Tab tab = tabs.get(kind);
        tab.setLabel(text);
        tab.getElement().setAttribute("data-count", String.valueOf(count));
    }

    private TaskInbox.Tab selectedTab() {
        return tabs.entrySet().stream()
                .filter(entry -> entry.getValue().equals(tabBar.getSelectedTab()))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse(TaskInbox.Tab.TODO);
    }

    private Component grid(List<Item> items) {
        Grid<Item> grid = new Grid<>();
        grid.setId("inbox-grid");
        grid.addClassName("tezuo-inbox-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.addComponentColumn(this::subject).setHeader(getTranslation("inbox.column.subject")).setFlexGrow(2);
        grid.addColumn(item -> flowName(item))
                .setHeader(getTranslation("inbox.column.flow")).setFlexGrow(1);
        grid.addColumn(Item::nodeName).setHeader(getTranslation("inbox.column.node")).setFlexGrow(1);
        grid.addColumn(item -> item.permit() == null ? "" : display.person(item.permit().applicant()))
                .setHeader(getTranslation("permit.applicant")).setFlexGrow(1);
        grid.addColumn(item -> DisplayFormats.dateTime(item.at(), zone))
                .setHeader(getTranslation("inbox.column.at." + selectedTab().name())).setAutoWidth(true);
        grid.addComponentColumn(item -> openButton(item, false)).setAutoWidth(true).setFlexGrow(0);
        grid.setItems(items);
        grid.setEmptyStateText(getTranslation("inbox.none." + selectedTab().name()));
        return grid;
    }

    private Component cards(List<Item> items, TaskInbox.Tab tab) {
        Div list = new Div();
        list.setId("task-list");
        list.addClassNames("tezuo-card-list", "tezuo-inbox-cards");
        if (items.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("inbox.none." + tab.name()));
            none.setId("tasks-none");
            none.addClassName("tezuo-muted");
            list.add(none);
        }
        items.forEach(item -> list.add(card(item)));
        return list;
    }

    private Component card(Item item) {
        Card card = new Card();
        card.addClassName("tezuo-task");
        if (item.unread()) {
            card.addClassName("tezuo-unread");
        }
        card.getElement().setAttribute("data-business-key", item.businessKey());
        Permit permit = item.permit();
        if (permit != null) {
            card.getElement().setAttribute("data-permit", String.valueOf(permit.id()));
        }
        card.setTitle(subject(item));
        card.setSubtitle(new Span(flowName(item) + " · " + item.nodeName()));
        if (permit != null) {
            PermitSummary summary = presentation.summary(permit, display, getLocale());
            card.add(line("permit.applicant", summary.applicant()), line("permit.location", summary.location()),
                    line("permit.workWindow", summary.workWindow()));
        }
        card.add(line("inbox.column.at." + item.tab().name(), DisplayFormats.dateTime(item.at(), zone)));
        card.addToFooter(openButton(item, true));
        return card;
    }

    /** Returns the permit's type and number, or the business key, with markers for unread and offered items. */
    private Component subject(Item item) {
        Div subject = new Div();
        subject.addClassName("tezuo-inbox-subject");
        Permit permit = item.permit();
        String text = permit == null ? item.businessKey()
                : PermitSummary.typeName(presentation.type(permit), getLocale()) + " "
                        + PermitEditorView.numberOf(permit, this);
        subject.add(new Span(text));
        if (item.unread()) {
            Span unread = new Span(getTranslation("inbox.unread"));
            unread.addClassName("tezuo-unread-marker");
            subject.add(unread);
        }
        if (item.offered()) {
            Span offered = new Span(getTranslation("inbox.offered"));
            offered.addClassName("tezuo-offered-marker");
            subject.add(offered);
        }
        return subject;
    }

    /**
     * Returns the button that opens an item. Only the card's button carries an id, so the ids stay unique while the
     * grid and the cards are both in the page.
     */
    private Button openButton(Item item, boolean withId) {
        Permit permit = item.permit();
        Button open;
        if (item.tab() == TaskInbox.Tab.TODO && item.resubmission() && permit != null) {
            open = new Button(getTranslation("permit.resubmit"), event -> getUI().ifPresent(ui -> ui.navigate(
                    PermitEditorView.class, new RouteParameters(PermitDetailView.PERMIT_ID,
                            String.valueOf(permit.id())))));
        } else if (item.tab() == TaskInbox.Tab.TODO) {
            open = new Button(getTranslation("tasks.open"), event -> getUI().ifPresent(ui -> ui.navigate(
                    TaskView.class, new RouteParameters(TaskView.TASK_ID, item.id()))));
        } else {
            open = new Button(getTranslation("inbox.view"), event -> view(item));
            open.setEnabled(permit != null);
        }
        if (withId) {
            open.setId(item.tab() == TaskInbox.Tab.TODO && permit != null ? "open-task-" + permit.id()
                    : "open-" + item.tab().name().toLowerCase(Locale.ROOT) + "-" + item.id());
        }
        open.addThemeVariants(item.tab() == TaskInbox.Tab.TODO ? ButtonVariant.LUMO_PRIMARY
                : ButtonVariant.LUMO_TERTIARY);
        return open;
    }

    /** Opens the permit of a done or copied item, marking a copy read first. */
    private void view(Item item) {
        Permit permit = item.permit();
        if (permit == null) {
            return;
        }
        inbox.markRead(user, item);
        getUI().ifPresent(ui -> ui.navigate(PermitDetailView.class,
                new RouteParameters(PermitDetailView.PERMIT_ID, String.valueOf(permit.id()))));
    }

    private String flowName(Item item) {
        return flowNames.computeIfAbsent(item.flowKey(),
                key -> inbox.flowName(user.tenantId(), key).in(getLocale()));
    }

    private Div line(String captionKey, String value) {
        Span caption = new Span(getTranslation(captionKey));
        caption.addClassName("tezuo-muted");
        return new Div(caption, new Span(" " + (value.isEmpty() ? getTranslation("value.none") : value)));
    }
}
