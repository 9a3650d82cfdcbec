package org.tezuo.app.ui.flow;

/** What the property panel of the chain editor shows and the canvas marks. */
sealed interface FlowSelection {

    /** The flow-level properties: name, form, safety sign-off, withdrawal. */
    record Flow() implements FlowSelection {
    }

    /** The fixed 发起人 card of a chain without an initiator node: anyone in the tenant may start it. */
    record OpenInitiator() implements FlowSelection {
    }

    record Node(String id) implements FlowSelection {
    }

    /** One branch of a branch or parallel node. */
    record Branch(String owner, String branch) implements FlowSelection {
    }
}
