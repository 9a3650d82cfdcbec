package org.tezuo.app.ui.designer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tezuo.form.definition.FieldWidget;

/** The commands of the designer model and the command stack that undoes and redoes them. */
class DesignCommandTest {

    private final DesignHistory history = new DesignHistory(DesignFixtures.blank());

    @Test
    void addFieldPutsItAtPosition() {
        add(FieldWidget.TEXT, "first", 0, 0);
        add(FieldWidget.NUMBER, "second", 0, 1);
        add(FieldWidget.DATE, "between", 0, 1);

        assertThat(history.current().sections().getFirst().fieldKeys()).containsExactly("first", "between", "second");
        assertThat(history.current().fields()).extracting(FieldDesign::key)
                .containsExactly("first", "second", "between");
    }

    @Test
    void addFieldRejectsTakenKey() {
        add(FieldWidget.TEXT, "name", 0, 0);
        FormDesign before = history.current();

        assertThatThrownBy(() -> add(FieldWidget.NUMBER, "name", 0, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name");
        assertThat(history.current()).isEqualTo(before);
    }

    @Test
    void moveFieldWithinSection() {
        add(FieldWidget.TEXT, "a", 0, 0);
        add(FieldWidget.TEXT, "b", 0, 1);
        add(FieldWidget.TEXT, "c", 0, 2);

        history.execute(new DesignCommand.MoveField("a", 0, 2));

        assertThat(history.current().sections().getFirst().fieldKeys()).containsExactly("b", "c", "a");
    }

    @Test
    void moveFieldBetweenSections() {
        history.execute(new DesignCommand.AddSection(NewForms.section(DesignFixtures.CAPTIONS, 2)));
        add(FieldWidget.TEXT, "a", 0, 0);
        add(FieldWidget.TEXT, "b", 0, 1);
        add(FieldWidget.TEXT, "c", 1, 0);

        history.execute(new DesignCommand.MoveField("b", 1, 0));

        assertThat(history.current().sections().get(0).fieldKeys()).containsExactly("a");
        assertThat(history.current().sections().get(1).fieldKeys()).containsExactly("b", "c");
        assertThat(history.current().sectionOf("b")).hasValue(1);
    }

    @Test
    void removeFieldLeavesSchemaAndLayout() {
        add(FieldWidget.TEXT, "a", 0, 0);
        add(FieldWidget.TEXT, "b", 0, 1);

        history.execute(new DesignCommand.RemoveField("a"));

        assertThat(history.current().field("a")).isEmpty();
        assertThat(history.current().sections().getFirst().fieldKeys()).containsExactly("b");
    }

    @Test
    void removeSectionRemovesItsFields() {
        history.execute(new DesignCommand.AddSection(NewForms.section(DesignFixtures.CAPTIONS, 2)));
        add(FieldWidget.TEXT, "kept", 0, 0);
        add(FieldWidget.TEXT, "dropped", 1, 0);

        history.execute(new DesignCommand.RemoveSection(1));

        assertThat(history.current().sections()).hasSize(1);
        assertThat(history.current().fields()).extracting(FieldDesign::key).containsExactly("kept");
    }

    @Test
    void replaceFieldRenamesInLayout() {
        add(FieldWidget.TEXT, "old", 0, 0);
        FieldDesign renamed = history.current().field("old").orElseThrow().withKey("renamed").withRequired(true);

        history.execute(new DesignCommand.ReplaceField("old", renamed));

        assertThat(history.current().sections().getFirst().fieldKeys()).containsExactly("renamed");
        assertThat(history.current().field("renamed").orElseThrow().required()).isTrue();
    }

    @Test
    void editSectionChangesTitleAndColumns() {
        history.execute(new DesignCommand.EditSection(0, new DesignLabel("作业信息", "Work"), 4));

        SectionDesign section = history.current().sections().getFirst();
        assertThat(section.title()).isEqualTo(new DesignLabel("作业信息", "Work"));
        assertThat(section.columns()).isEqualTo(4);
    }

    @Test
    void sectionRejectsFiveColumns() {
        assertThatThrownBy(() -> new SectionDesign(new DesignLabel("x", ""), 5, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("5");
    }

    @Test
    void undoAndRedoWalkTheStack() {
        FormDesign empty = history.current();
        add(FieldWidget.TEXT, "a", 0, 0);
        FormDesign withA = history.current();
        history.execute(new DesignCommand.ReplaceField("a", withA.field("a").orElseThrow()
                .withLabel(new DesignLabel("姓名", "Name"))));
        FormDesign labelled = history.current();

        assertThat(history.undo()).isEqualTo(withA);
        assertThat(history.undo()).isEqualTo(empty);
        assertThat(history.canUndo()).isFalse();
        assertThat(history.undo()).isEqualTo(empty);
        assertThat(history.redo()).isEqualTo(withA);
        assertThat(history.redo()).isEqualTo(labelled);
        assertThat(history.canRedo()).isFalse();
    }

    @Test
    void newCommandClearsRedo() {
        add(FieldWidget.TEXT, "a", 0, 0);
        history.undo();

        add(FieldWidget.NUMBER, "b", 0, 0);

        assertThat(history.canRedo()).isFalse();
        assertThat(history.current().field("a")).isEmpty();
    }

    @Test
    void unchangedDesignIsNotRecorded() {
        history.execute(new DesignCommand.EditTitle(history.current().title()));

        assertThat(history.canUndo()).isFalse();
    }

    @Test
    void sequenceIsUndoneAsOneStep() {
        FormDesign before = history.current();
        history.execute(new DesignCommand.Sequence(List.of(
                new DesignCommand.AddSection(NewForms.section(DesignFixtures.CAPTIONS, 2)),
                new DesignCommand.AddField(DesignFixtures.TEMPLATES.create(FieldWidget.TEXT, "a"), 1, 0))));

        assertThat(history.current().sectionOf("a")).hasValue(1);
        assertThat(history.undo()).isEqualTo(before);
    }

    @Test
    void unsavedChangesFollowSaves() {
        assertThat(history.hasUnsavedChanges()).isFalse();
        add(FieldWidget.TEXT, "a", 0, 0);
        assertThat(history.hasUnsavedChanges()).isTrue();

        history.markSaved();
        assertThat(history.hasUnsavedChanges()).isFalse();
        history.undo();
        assertThat(history.hasUnsavedChanges()).isTrue();
    }

    @Test
    void historyKeepsAtMostTwoHundredSteps() {
        for (int index = 0; index < DesignHistory.MAX_UNDO_STEPS + 5; index++) {
            history.execute(new DesignCommand.EditTitle(new DesignLabel("表单 " + index, "")));
        }
        int steps = 0;
        while (history.canUndo()) {
            history.undo();
            steps++;
        }

        assertThat(steps).isEqualTo(DesignHistory.MAX_UNDO_STEPS);
    }

    @Test
    void unusedKeyCountsUp() {
        add(FieldWidget.TEXT, "text1", 0, 0);

        assertThat(history.current().unusedKey("text")).isEqualTo("text2");
        assertThat(history.current().unusedKey("number")).isEqualTo("number1");
    }

    private void add(FieldWidget widget, String key, int section, int position) {
        history.execute(new DesignCommand.AddField(DesignFixtures.TEMPLATES.create(widget, key), section, position));
    }
}
