package org.tezuo.workflow.action;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** The registry of {@link FlowAction} beans by code; the compiler, the BPMN importer and the runtime consult it. */
@Component
public class FlowActions {

    private final Map<String, FlowAction> byCode;

    public FlowActions(List<FlowAction> actions) {
        this.byCode = actions.stream().collect(Collectors.toMap(FlowAction::code, Function.identity(), (first, second) -> {
            throw new IllegalStateException("Two flow actions have the code '" + first.code() + "': "
                    + first.getClass().getName() + " and " + second.getClass().getName());
        }, TreeMap::new));
    }

    /** Returns the action with {@code code}, if one is registered. */
    public Optional<FlowAction> find(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    /** Returns the registered codes in alphabetical order. */
    public Set<String> codes() {
        return byCode.keySet();
    }
}
