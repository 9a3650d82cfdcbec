package org.tezuo.workflow.operation;

import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.tezuo.workflow.approval.FlowOutcome;
import org.tezuo.workflow.approval.FlowOutcomeListener;

/** Tells every {@link FlowOutcomeListener} about withdrawals, suspensions and resumptions, in the caller's transaction. */
@Component
class OutcomeEvents {

    private final ObjectProvider<FlowOutcomeListener> listeners;

    OutcomeEvents(ObjectProvider<FlowOutcomeListener> listeners) {
        this.listeners = listeners;
    }

    void withdrawn(InstanceRef instance, String user, @Nullable String comment) {
        publish(instance, user, comment, FlowOutcomeListener::onWithdrawn);
    }

    void suspended(InstanceRef instance, String actor, String comment) {
        publish(instance, actor, comment, FlowOutcomeListener::onSuspended);
    }

    void resumed(InstanceRef instance, String user, @Nullable String comment) {
        publish(instance, user, comment, FlowOutcomeListener::onResumed);
    }

    private void publish(InstanceRef instance, String user, @Nullable String comment,
            BiConsumer<FlowOutcomeListener, FlowOutcome> event) {
        FlowOutcome outcome = new FlowOutcome(instance.tenantId(), instance.processInstanceId(), instance.businessKey(),
                instance.flow().key(), instance.flow().version(), instance.applicant(), user, comment);
        listeners.orderedStream().forEach(listener -> event.accept(listener, outcome));
    }
}
