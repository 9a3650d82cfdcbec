package org.tezuo.app.ui.designer;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.BiPredicate;
import java.util.function.UnaryOperator;

/**
 * The command stack of one designer page: the current design, the states before each change for undo and the
 * undone states for redo. A new change clears what could be redone. Designs are immutable values, so a state is
 * kept as it is. Not thread-safe; one page owns it.
 *
 * @param <D> the design type, such as a form or an approval-chain design
 */
public class EditHistory<D> {

    /** Number of steps that can be undone; older states are dropped. */
    public static final int MAX_UNDO_STEPS = 200;

    private final Deque<D> undoStates = new ArrayDeque<>();
    private final Deque<D> redoStates = new ArrayDeque<>();
    private final BiPredicate<D, D> same;
    private D current;
    private D saved;

    /**
     * @param same whether two designs are equal for the user, so that a change to an equal design is no step
     */
    public EditHistory(D initial, BiPredicate<D, D> same) {
        this.current = initial;
        this.saved = initial;
        this.same = same;
    }

    public D current() {
        return current;
    }

    /**
     * Applies {@code change} and returns the new design. A change that leaves an equal design keeps the stacks
     * as they were.
     *
     * @throws IllegalArgumentException when the change does not fit the design, which is then unchanged
     */
    public D apply(UnaryOperator<D> change) {
        D next = change.apply(current);
        if (same.test(next, current)) {
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

    /** Returns to the state before the last change; does nothing when there is none. */
    public D undo() {
        if (canUndo()) {
            redoStates.push(current);
            current = undoStates.pop();
        }
        return current;
    }

    /** Applies the last undone change again; does nothing when there is none. */
    public D redo() {
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
        return !same.test(current, saved);
    }
}
