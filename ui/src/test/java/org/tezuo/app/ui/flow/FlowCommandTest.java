package org.tezuo.app.ui.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tezuo.app.ui.designer.EditHistory;
import org.tezuo.app.ui.i18n.TranslationProvider;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

class FlowCommandTest {

    /** The meta-schema's sample chain, which uses every node type. */
    static final Path FULL_CHAIN = Path.of("../metadata/src/test/resources/org/tezuo/metadata/flows/full-chain.json");

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final FlowTemplates TEMPLATES = new FlowTemplates(new TranslationProvider());

    private final EditHistory<FlowDesign> history = new EditHistory<>(
            new FlowDesign(TEMPLATES.flow("动火审批", "Hot work", "")), FlowDesign::isSameAs);

    @Test
    void fullChainRoundTripsUnchanged() throws IOException {
        String text = Files.readString(FULL_CHAIN);
        JsonNode original = JSON.readTree(text);

        FlowDesign design = new FlowDesign((ObjectNode) original);

        assertThat(design.toJson()).isEqualTo(original);
        assertThat(design.toJson().toString()).isEqualTo(original.toString());
        assertThat(design.ids()).contains("applicant", "byGrade", "special", "experts", "safetyBranch", "director");
    }

    @Test
    void nodeIsAddedBetweenNodes() {
        addApprover(1);
        addApprover(1);
        execute(new FlowCommand.AddNode(new FlowDesign.Slot(FlowDesign.Chain.TOP, 1),
                TEMPLATES.node("cc", history.current())));

        assertThat(topIds()).containsExactly("approver1", "cc1", "approver3", "approver2");
    }

    @Test
    void newNodeNamesComeFromBundle() {
        ObjectNode node = TEMPLATES.node("approver", history.current());

        assertThat(node.at("/name/zh").asString()).isEqualTo("审批人");
        assertThat(node.at("/name/en").asString()).isEqualTo("Approver");
    }

    @Test
    void nodeMovesDownAndUndoRestores() {
        addApprover(1);
        addApprover(2);
        FlowDesign before = history.current();

        execute(new FlowCommand.MoveNode("approver1", new FlowDesign.Slot(FlowDesign.Chain.TOP, 2)));
        assertThat(topIds()).containsExactly("approver2", "approver3", "approver1");

        history.undo();
        assertThat(history.current().isSameAs(before)).isTrue();
        history.redo();
        assertThat(topIds()).containsExactly("approver2", "approver3", "approver1");
    }

    @Test
    void nodeMovesIntoBranchAndBack() {
        execute(new FlowCommand.AddNode(new FlowDesign.Slot(FlowDesign.Chain.TOP, 1),
                TEMPLATES.node("parallel", history.current())));
        FlowDesign.Chain first = new FlowDesign.Chain("parallel1", "parallel1_1");

        execute(new FlowCommand.MoveNode("approver1", new FlowDesign.Slot(first, 0)));

        assertThat(topIds()).containsExactly("parallel1");
        assertThat(history.current().slotOf("approver1")).contains(new FlowDesign.Slot(first, 0));
        execute(new FlowCommand.MoveNode("approver1", new FlowDesign.Slot(FlowDesign.Chain.TOP, 0)));
        assertThat(topIds()).containsExactly("approver1", "parallel1");
    }

    @Test
    void nodeCannotMoveIntoItsOwnBranch() {
        execute(new FlowCommand.AddNode(new FlowDesign.Slot(FlowDesign.Chain.TOP, 1),
                TEMPLATES.node("branch", history.current())));
        FlowDesign before = history.current();

        assertThatThrownBy(() -> execute(new FlowCommand.MoveNode("branch1",
                new FlowDesign.Slot(new FlowDesign.Chain("branch1", "branch1_1"), 0))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("branch1");
        assertThat(history.current().isSameAs(before)).isTrue();
    }

    @Test
    void nodeIsDeletedWithItsBranches() {
        execute(new FlowCommand.AddNode(new FlowDesign.Slot(FlowDesign.Chain.TOP, 1),
                TEMPLATES.node("parallel", history.current())));
        execute(new FlowCommand.AddNode(new FlowDesign.Slot(new FlowDesign.Chain("parallel1", "parallel1_2"), 0),
                TEMPLATES.node("delay", history.current())));

        execute(new FlowCommand.RemoveNode("parallel1"));

        assertThat(topIds()).containsExactly("approver1");
        assertThat(history.current().ids()).doesNotContain("delay1", "parallel1_2");
        history.undo();
        assertThat(history.current().ids()).contains("delay1", "parallel1_2");
    }

    @Test
    void branchIsAddedBeforeDefault() {
        execute(new FlowCommand.AddNode(new FlowDesign.Slot(FlowDesign.Chain.TOP, 1),
                TEMPLATES.node("branch", history.current())));

        execute(new FlowCommand.AddBranch("branch1", TEMPLATES.nextBranch(history.current(), "branch1", "branch")));

        assertThat(branchIds("branch1")).containsExactly("branch1_1", "branch1_3", "branch1_2");
        assertThat(history.current().branch("branch1", "branch1_3").orElseThrow().at("/name/zh").asString())
                .isEqualTo("条件 3");
    }

    @Test
    void branchIsRemovedDownToTwo() {
        execute(new FlowCommand.AddNode(new FlowDesign.Slot(FlowDesign.Chain.TOP, 1),
                TEMPLATES.node("parallel", history.current())));
        execute(new FlowCommand.AddBranch("parallel1", TEMPLATES.nextBranch(history.current(), "parallel1",
                "parallel")));

        execute(new FlowCommand.RemoveBranch("parallel1", "parallel1_1"));

        assertThat(branchIds("parallel1")).containsExactly("parallel1_2", "parallel1_3");
        assertThatThrownBy(() -> execute(new FlowCommand.RemoveBranch("parallel1", "parallel1_2")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least two branches");
        history.undo();
        assertThat(branchIds("parallel1")).containsExactly("parallel1_1", "parallel1_2", "parallel1_3");
    }

    @Test
    void propertyIsSetAndRemoved() {
        execute(FlowCommand.SetProperty.ofNode("approver1", "mode", StringNode.valueOf("all")));
        assertThat(history.current().node("approver1").orElseThrow().get("mode").asString()).isEqualTo("all");

        execute(FlowCommand.SetProperty.ofNode("approver1", "mode", null));
        assertThat(history.current().node("approver1").orElseThrow().has("mode")).isFalse();
        execute(FlowCommand.SetProperty.ofFlow("withdrawal", StringNode.valueOf("never")));
        assertThat(history.current().toJson().get("withdrawal").asString()).isEqualTo("never");
    }

    @Test
    void usedIdIsRejected() {
        addApprover(1);

        assertThatThrownBy(() -> execute(FlowCommand.SetProperty.ofNode("approver2", "id",
                StringNode.valueOf("approver1"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("approver1");
        assertThatThrownBy(() -> execute(new FlowCommand.AddNode(new FlowDesign.Slot(FlowDesign.Chain.TOP, 0),
                history.current().node("approver1").orElseThrow())))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unchangedDesignIsNoStep() {
        execute(FlowCommand.SetProperty.ofFlow("withdrawal", StringNode.valueOf("beforeFirstApproval")));

        assertThat(history.canUndo()).isFalse();
        assertThat(history.hasUnsavedChanges()).isFalse();
    }

    private void addApprover(int position) {
        execute(new FlowCommand.AddNode(new FlowDesign.Slot(FlowDesign.Chain.TOP, position),
                TEMPLATES.node("approver", history.current())));
    }

    private void execute(FlowCommand command) {
        history.apply(command::applyTo);
    }

    private List<String> topIds() {
        List<String> ids = new ArrayList<>();
        history.current().chain(FlowDesign.Chain.TOP).forEach(node -> ids.add(node.get("id").asString()));
        return ids;
    }

    private List<String> branchIds(String owner) {
        List<String> ids = new ArrayList<>();
        history.current().node(owner).orElseThrow().get("branches")
                .forEach(branch -> ids.add(branch.get("id").asString()));
        return ids;
    }
}
