package org.tezuo.workflow.bpmnimport;

import java.util.List;
import java.util.Locale;
import org.tezuo.core.i18n.UserMessages;
import org.tezuo.workflow.WorkflowException;

/**
 * One reason a BPMN file cannot become an approval chain.
 *
 * @param elementId the id of the offending BPMN element, or empty when the problem concerns the whole file
 * @param elementType the element's local name, such as {@code scriptTask}
 * @param messageKey key of the workflow bundle; its arguments start with the element id and type
 */
public record ImportProblem(String elementId, String elementType, String messageKey, List<Object> arguments) {

    public ImportProblem {
        arguments = List.copyOf(arguments);
    }

    static ImportProblem of(String elementId, String elementType, String messageKey, Object... details) {
        return new ImportProblem(elementId, elementType, messageKey, List.of(details));
    }

    /** Renders the problem in {@code locale}. */
    public String message(Locale locale) {
        Object[] all = new Object[arguments.size() + 2];
        all[0] = elementId;
        all[1] = elementType;
        for (int i = 0; i < arguments.size(); i++) {
            all[i + 2] = arguments.get(i);
        }
        return UserMessages.render(WorkflowException.BUNDLE, locale, messageKey, all);
    }
}
