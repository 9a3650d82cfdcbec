package org.tezuo.app.ui.flow;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.dnd.DragSource;
import com.vaadin.flow.component.dnd.DropEvent;
import com.vaadin.flow.component.dnd.DropTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The chain drawn top to bottom as cards: the fixed 发起人 card, then every node with a "+" button before it and
 * one at the end of each chain, which opens the node-type menu. Branch and parallel nodes draw their branches
 * side by side, each with its own chain. A card dropped on another card moves before it.
 *
 * <p>Element ids: {@code flow-canvas}, {@code flow-initiator}, {@code flow-node-<id>},
 * {@code flow-add-<position>} in the top chain and {@code flow-add-<branch id>-<position>} in a branch,
 * {@code flow-add-type-<type>} in the menu, {@code flow-remove-<id>}, {@code flow-branch-<branch id>},
 * {@code flow-add-branch-<id>}, {@code flow-remove-branch-<branch id>}.
 */
final class FlowCanvas extends Div {

    /** Drag data of a node card: the id of the node to move. */
    record Card(String id) {
    }

    private final FlowActions actions;

    FlowCanvas(FlowActions actions) {
        this.actions = actions;
        setId("flow-canvas");
        addClassName("tezuo-flow-canvas");
    }

    /** Draws the canvas again from the current design. */
    void redraw() {
        removeAll();
        FlowDesign design = actions.design();
        ArrayNode nodes = design.chain(FlowDesign.Chain.TOP);
        int first = 0;
        if (!nodes.isEmpty() && FlowTemplates.INITIATOR.equals(nodes.get(0).path(FlowDesign.TYPE).asString(""))) {
            Div initiator = card(nodes.get(0), FlowDesign.Chain.TOP, 0);
            initiator.setId("flow-initiator");
            add(initiator);
            first = 1;
        } else {
            add(openInitiatorCard());
        }
        add(chain(FlowDesign.Chain.TOP, nodes, first));
        Span end = new Span(getTranslation("flow.canvas.end"));
        end.addClassName("tezuo-flow-end");
        add(end);
    }

    private Div openInitiatorCard() {
        Div card = new Div();
        card.setId("flow-initiator");
        card.addClassNames("tezuo-flow-card", "tezuo-flow-initiator");
        card.setClassName("tezuo-designer-selected", actions.selection() instanceof FlowSelection.OpenInitiator);
        card.add(new Div(new Span(getTranslation("flow.type.initiator"))),
                muted(getTranslation("flow.initiator.anyone")));
        card.addClickListener(event -> actions.select(new FlowSelection.OpenInitiator()));
        return card;
    }

    /** Draws the nodes of {@code chain} from index {@code first}, with a "+" before each and one at the end. */
    private Div chain(FlowDesign.Chain chain, ArrayNode nodes, int first) {
        Div list = new Div();
        list.addClassName("tezuo-flow-chain");
        for (int index = first; index < nodes.size(); index++) {
            list.add(addButton(chain, index));
            list.add(card(nodes.get(index), chain, index));
        }
        list.add(addButton(chain, nodes.size()));
        DropTarget.create(list).addDropListener(event -> dropped(event, chain, nodes.size()));
        return list;
    }

    private Button addButton(FlowDesign.Chain chain, int position) {
        Button add = new Button(VaadinIcon.PLUS.create(), event -> openTypeMenu(chain, position));
        add.setId(chain.isTop() ? "flow-add-" + position : "flow-add-" + chain.branch() + "-" + position);
        add.addClassName("tezuo-flow-add");
        add.addThemeVariants(ButtonVariant.LUMO_ICON, ButtonVariant.LUMO_SMALL);
        add.setAriaLabel(getTranslation("flow.canvas.add"));
        add.setTooltipText(getTranslation("flow.canvas.add"));
        add.setVisible(!actions.readOnly());
        return add;
    }

    private void openTypeMenu(FlowDesign.Chain chain, int position) {
        Dialog menu = new Dialog(getTranslation("flow.canvas.add"));
        menu.setId("flow-add-menu");
        Div types = new Div();
        types.addClassName("tezuo-flow-type-menu");
        for (String type : FlowTemplates.ADDABLE_TYPES) {
            Button item = new Button(getTranslation("flow.type." + type), event -> {
                menu.close();
                var node = actions.templates().node(type, actions.design());
                actions.execute(new FlowCommand.AddNode(new FlowDesign.Slot(chain, position), node), false);
                actions.select(new FlowSelection.Node(node.get(FlowDesign.ID).asString()));
            });
            item.setId("flow-add-type-" + type);
            types.add(item);
        }
        menu.add(types);
        menu.getFooter().add(new Button(getTranslation("flow.cancel"), event -> menu.close()));
        menu.open();
    }

    private Div card(JsonNode node, FlowDesign.Chain chain, int position) {
        String id = node.path(FlowDesign.ID).asString("");
        String type = node.path(FlowDesign.TYPE).asString("");
        Div card = new Div();
        card.setId("flow-node-" + id);
        card.addClassNames("tezuo-flow-card", "tezuo-flow-" + type);
        card.getElement().setAttribute("data-type", type);
        card.setClassName("tezuo-designer-selected",
                actions.selection() instanceof FlowSelection.Node(String selected) && selected.equals(id));
        card.setClassName("tezuo-flow-invalid", actions.invalidIds().contains(id));

        Span caption = new Span(getTranslation("flow.type." + type));
        caption.addClassName("tezuo-flow-card-type");
        Span name = new Span(FlowTexts.label(node.path("name"), getLocale()));
        name.addClassName("tezuo-flow-card-name");
        Div head = new Div(caption, name);
        head.addClassName("tezuo-flow-card-head");
        card.addClickListener(event -> actions.select(new FlowSelection.Node(id)));
        card.add(head, muted(FlowTexts.summary(node, this)));

        boolean initiator = FlowTemplates.INITIATOR.equals(type);
        if (!actions.readOnly() && !initiator) {
            Button remove = new Button(VaadinIcon.TRASH.create(), event -> {
                actions.execute(new FlowCommand.RemoveNode(id), false);
                actions.select(new FlowSelection.Flow());
            });
            remove.setId("flow-remove-" + id);
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
            remove.setAriaLabel(getTranslation("flow.canvas.remove"));
            remove.setTooltipText(getTranslation("flow.canvas.remove"));
            remove.addClassName("tezuo-flow-card-remove");
            card.add(remove);
            DragSource.create(card).setDragData(new Card(id));
            DropTarget.create(card).addDropListener(event -> dropped(event, chain, position));
        }
        if (node.has(FlowDesign.BRANCHES)) {
            card.add(branches(node, id, type));
        }
        return card;
    }

    private Div branches(JsonNode node, String owner, String ownerType) {
        Div columns = new Div();
        columns.addClassName("tezuo-flow-branches");
        JsonNode branches = node.path(FlowDesign.BRANCHES);
        for (JsonNode branch : branches) {
            String branchId = branch.path(FlowDesign.ID).asString("");
            Div column = new Div();
            column.setId("flow-branch-" + branchId);
            column.addClassName("tezuo-flow-branch");
            column.setClassName("tezuo-designer-selected", actions.selection() instanceof FlowSelection.Branch(
                    String selectedOwner, String selected) && selectedOwner.equals(owner) && selected.equals(branchId));
            column.setClassName("tezuo-flow-invalid", actions.invalidIds().contains(branchId));

            Button title = new Button(FlowTexts.label(branch.path("name"), getLocale()),
                    event -> actions.select(new FlowSelection.Branch(owner, branchId)));
            title.setId("flow-branch-title-" + branchId);
            title.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            Div head = new Div(title);
            head.addClassName("tezuo-flow-branch-head");
            if ("branch".equals(ownerType)) {
                head.add(muted(FlowTexts.condition(branch, this)));
            }
            boolean isDefault = branch.path("default").asBoolean(false);
            if (!actions.readOnly() && !isDefault && branches.size() > FlowCommand.RemoveBranch.MIN_BRANCHES) {
                Button remove = new Button(VaadinIcon.CLOSE_SMALL.create(), event -> actions.execute(
                        new FlowCommand.RemoveBranch(owner, branchId), true));
                remove.setId("flow-remove-branch-" + branchId);
                remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
                remove.setAriaLabel(getTranslation("flow.branch.remove"));
                remove.setTooltipText(getTranslation("flow.branch.remove"));
                head.add(remove);
            }
            ArrayNode branchNodes = branch.get(FlowDesign.NODES) instanceof ArrayNode array ? array
                    : JsonNodeFactory.instance.arrayNode();
            column.add(head, chain(new FlowDesign.Chain(owner, branchId), branchNodes, 0));
            columns.add(column);
        }
        // Clicks inside the branches belong to their own cards, not to the branch or parallel node.
        columns.getElement().executeJs("this.addEventListener('click', e => e.stopPropagation())");
        if (!actions.readOnly()) {
            Button addBranch = new Button(getTranslation("flow.branch.add"), VaadinIcon.PLUS.create(),
                    event -> actions.execute(new FlowCommand.AddBranch(owner,
                            actions.templates().nextBranch(actions.design(), owner, ownerType)), false));
            addBranch.setId("flow-add-branch-" + owner);
            addBranch.addThemeVariants(ButtonVariant.LUMO_SMALL);
            Div wrapper = new Div(columns, addBranch);
            wrapper.addClassName("tezuo-flow-branch-area");
            addBranch.getElement().executeJs("this.addEventListener('click', e => e.stopPropagation())");
            return wrapper;
        }
        return columns;
    }

    /** Moves the dragged node to {@code position} of {@code chain}, where the drop happened. */
    private void dropped(DropEvent<?> event, FlowDesign.Chain chain, int position) {
        if (!(event.getDragData().orElse(null) instanceof Card(String id))) {
            return;
        }
        int target = position;
        FlowDesign.Slot from = actions.design().slotOf(id).orElse(null);
        if (from != null && from.chain().equals(chain) && from.position() < position) {
            // The card leaves its place first, so later places move up by one.
            target--;
        }
        actions.execute(new FlowCommand.MoveNode(id, new FlowDesign.Slot(chain, target)), false);
        actions.select(new FlowSelection.Node(id));
    }

    private static Span muted(String text) {
        Span span = new Span(text);
        span.addClassName("tezuo-muted");
        return span;
    }
}
