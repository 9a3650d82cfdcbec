package org.tezuo.workflow.migration;

import java.util.Locale;
import java.util.stream.Collectors;
import org.tezuo.core.i18n.UserMessages;
import org.tezuo.workflow.WorkflowException;

/** Thrown when a migration is requested that its plan refuses; the message lists every problem. */
public final class MigrationRefusedException extends WorkflowException {

    private final MigrationPlan plan;

    MigrationRefusedException(MigrationPlan plan) {
        super("migration.refused", plan.processInstanceId(), plan.toVersion(), "");
        this.plan = plan;
    }

    public MigrationPlan plan() {
        return plan;
    }

    @Override
    public String message(Locale locale) {
        String problems = plan.problems().stream().map(problem -> problem.message(locale))
                .collect(Collectors.joining("；"));
        return UserMessages.render(BUNDLE, locale, messageKey(), plan.processInstanceId(), plan.toVersion(),
                problems);
    }
}
