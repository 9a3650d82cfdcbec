package org.tezuo.app.ui.designer;

/** The command stack of the form designer, see {@link EditHistory}. Not thread-safe; one page owns it. */
public final class DesignHistory extends EditHistory<FormDesign> {

    public DesignHistory(FormDesign initial) {
        super(initial, DesignHistory::isSame);
    }

    /**
     * Applies {@code command} and returns the new design. A command that changes nothing leaves the stacks as
     * they were.
     *
     * @throws IllegalArgumentException when the command does not fit the design, which is then unchanged
     */
    public FormDesign execute(DesignCommand command) {
        return apply(command::applyTo);
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
