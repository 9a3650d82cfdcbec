package org.tezuo.app.ui.designer;

/** The part of the design the property panel shows: the form itself, one section or one field. */
sealed interface DesignSelection {

    /** The form's title. */
    record Form() implements DesignSelection {
    }

    /** The section at {@code index} of the layout. */
    record Section(int index) implements DesignSelection {
    }

    /** The field called {@code key}. */
    record Field(String key) implements DesignSelection {
    }
}
