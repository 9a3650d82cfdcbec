package org.tezuo.app.ui.flow;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** Operations the canvas and property panel run on the chain of their page. */
interface FlowActions {

    FlowDesign design();

    FlowTemplates templates();

    FlowSelection selection();

    /** Returns whether the page shows a stored old version, which nothing may change. */
    boolean readOnly();

    /** Returns the ids of the nodes and branches the last check found problems in. */
    Set<String> invalidIds();

    /** Returns the field keys of the flow's form with their labels in the page's language; empty without a form. */
    Map<String, String> formFields();

    /** Returns the published forms of the tenant, key to title. */
    Map<String, String> forms();

    /** Returns the usernames of the tenant's enabled users with their display names. */
    Map<String, String> users();

    /** Returns the role codes assignee rules can name. */
    List<String> roles();

    /**
     * Runs {@code command} through the page's command stack and redraws the canvas; the property panel is
     * redrawn only when {@code redrawPanel} is true, so that typing in it keeps the focus. A command that does
     * not fit is reported to the user and changes nothing.
     */
    void execute(FlowCommand command, boolean redrawPanel);

    void select(FlowSelection selection);
}
