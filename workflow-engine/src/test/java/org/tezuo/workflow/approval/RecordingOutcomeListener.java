package org.tezuo.workflow.approval;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.stereotype.Component;

/** Records every outcome as "APPROVED businessKey", "REJECTED businessKey", "WITHDRAWN businessKey" and so on. */
@Component
public class RecordingOutcomeListener implements FlowOutcomeListener {

    private final List<String> outcomes = new CopyOnWriteArrayList<>();
    private final List<FlowOutcome> details = new CopyOnWriteArrayList<>();

    @Override
    public void onApproved(FlowOutcome outcome) {
        record("APPROVED", outcome);
    }

    @Override
    public void onRejected(FlowOutcome outcome) {
        record("REJECTED", outcome);
    }

    @Override
    public void onReturned(FlowOutcome outcome) {
        record("RETURNED", outcome);
    }

    @Override
    public void onWithdrawn(FlowOutcome outcome) {
        record("WITHDRAWN", outcome);
    }

    @Override
    public void onSuspended(FlowOutcome outcome) {
        record("SUSPENDED", outcome);
    }

    @Override
    public void onResumed(FlowOutcome outcome) {
        record("RESUMED", outcome);
    }

    /** Returns the outcomes recorded for {@code businessKey}, oldest first. */
    public List<String> outcomesOf(String businessKey) {
        return outcomes.stream().filter(line -> line.endsWith(" " + businessKey)).map(line -> line.split(" ")[0])
                .toList();
    }

    /** Returns the last outcome recorded for {@code businessKey}. */
    public FlowOutcome lastOf(String businessKey) {
        return details.reversed().stream().filter(outcome -> outcome.businessKey().equals(businessKey))
                .findFirst().orElseThrow();
    }

    private void record(String kind, FlowOutcome outcome) {
        outcomes.add(kind + " " + outcome.businessKey());
        details.add(outcome);
    }
}
