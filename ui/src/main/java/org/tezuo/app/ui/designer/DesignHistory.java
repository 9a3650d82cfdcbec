package org.tezuo.app.ui.designer;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The command stack of one designer page: the current design, the states before each command for undo and the
 * undone states for redo. A new command clears what could be redone. Not thread-safe; one page owns it.
 */
public final class DesignHistory {

    /** Number of steps that can be undone; older states are dropped. */
    static final int MAX_UNDO_STEPS = 200;

    private final Deque<FormDesign> undoStates = new ArrayDeque<>();
    private final Deque<FormDesign> redoStates = new ArrayDeque<>();
    private FormDesign current;
    private FormDesign saved;

    public DesignHistory(FormDesign initial) {
        this.current = initial;
        this.saved = initial;
    }

    public FormDesign current() {
        return current;
    }

    /**
     * Applies {@code command} and returns the new design. A command that changes nothing leaves the stacks as
     * they were.
     *
     * @throws IllegalArgumentException when the command does not fit the design, which is then unchanged
     */
    public FormDesign execute(DesignCommand command) {
        FormDesign next = command.applyTo(current);
        if (isSame(next, current)) {
            return current;
        }
        undoStates.push(current);
        if (undoStates.size() > MAX_UNDO_STEPS) {
            undoStates.removeLast();
        }
        redoStates.clear();
        current = next;
        return current;
    }

    public boolean canUndo() {
        return !undoStates.isEmpty();
    }

    public boolean canRedo() {
        return !redoStates.isEmpty();
    }

    /** Returns to the state before the last command; does nothing when there is none. */
    public FormDesign undo() {
        if (canUndo()) {
            redoStates.push(current);
            current = undoStates.pop();
        }
        return current;
    }

    /** Applies the last undone command again; does nothing when there is none. */
    public FormDesign redo() {
        if (canRedo()) {
            undoStates.push(current);
            current = redoStates.pop();
        }
        return current;
    }

    /** Records that the current design is what the store holds. */
    public void markSaved() {
        saved = current;
    }

    /** Returns whether the current design differs from the one last saved or loaded. */
    public boolean hasUnsavedChanges() {
        return !isSame(current, saved);
    }

    /**
     * Returns whether two designs are the same, including the order of keywords: Jackson's object nodes compare
     * equal whatever their order, so moving a table column alone would not count as a change.
     */
    private static boolean isSame(FormDesign one, FormDesign other) {
        return one.equals(other) && FormDesignJson.write(one).toString().equals(FormDesignJson.write(other)
                .toString());
    }
}
