package org.tezuo.workflow.approval;

/**
 * A check run before a user approves a task. Every Spring bean of this type is called, in {@link
 * org.springframework.core.annotation.Order} order, before the approval is recorded; the application uses it,
 * for example, to require that this approver confirmed every risk item of the permit.
 */
public interface TaskCompletionGuard {

    /**
     * Returns normally to let the approval go ahead. A veto throws a
     * {@link org.tezuo.core.i18n.LocalizedException} that names what is missing; the task then stays open and
     * nothing is recorded.
     */
    void beforeApprove(TaskDecisionContext context);

    /**
     * Returns normally to let any decision (approve, reject or return) go ahead; called before {@link
     * #beforeApprove} on approval. A veto throws a {@link org.tezuo.core.i18n.LocalizedException}.
     */
    default void beforeDecision(TaskDecisionContext context, Decision decision) {
    }
}
