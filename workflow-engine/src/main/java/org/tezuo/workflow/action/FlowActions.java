package org.tezuo.workflow.action;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The registry of {@link FlowAction} beans by code; the flow document check, the BPMN importer and the runtime
 * consult it. The beans are collected on first use, because actions depend on services (metadata, notices) whose
 * own checks consult this registry.
 */
@Component
public class FlowActions {

    private final ObjectProvider<FlowAction> actions;
    private volatile @Nullable Map<String, FlowAction> byCode;

    public FlowActions(ObjectProvider<FlowAction> actions) {
        this.actions = actions;
    }

    /** Returns the action with {@code code}, if one is registered. */
    public Optional<FlowAction> find(String code) {
        return Optional.ofNullable(byCode().get(code));
    }

    /** Returns the registered codes in alphabetical order. */
    public Set<String> codes() {
        return byCode().keySet();
    }

    private Map<String, FlowAction> byCode() {
        Map<String, FlowAction> registered = byCode;
        if (registered == null) {
            registered = actions.stream().collect(Collectors.toMap(FlowAction::code, Function.identity(),
                    (first, second) -> {
                        throw new IllegalStateException("Two flow actions have the code '" + first.code() + "': "
                                + first.getClass().getName() + " and " + second.getClass().getName());
                    }, TreeMap::new));
            byCode = registered;
        }
        return registered;
    }
}
