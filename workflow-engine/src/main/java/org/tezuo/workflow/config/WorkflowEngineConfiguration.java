package org.tezuo.workflow.config;

import java.util.Map;
import org.flowable.spring.SpringProcessEngineConfiguration;
import org.flowable.spring.boot.EngineConfigurationConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.tezuo.workflow.action.FlowActionDelegate;
import org.tezuo.workflow.approval.FlowOutcomeNotifier;
import org.tezuo.workflow.bpmn.ChainVariables;

/**
 * Limits the beans that process expressions can reach to Tezuo's outcome notifier and flow action delegate.
 * Without this, Flowable resolves any Spring bean named in an expression, so a deployed BPMN could call arbitrary application code.
 */
@Configuration(proxyBeanMethods = false)
public class WorkflowEngineConfiguration {

    @Bean
    EngineConfigurationConfigurer<SpringProcessEngineConfiguration> tezuoExpressionBeans(
            FlowOutcomeNotifier notifier, @Lazy FlowActionDelegate actions) {
        // Lazy because the actions need the engine's services, which need this configurer first.
        return configuration -> configuration.setBeans(Map.of(ChainVariables.OUTCOME_NOTIFIER_BEAN, notifier,
                ChainVariables.FLOW_ACTION_BEAN, actions));
    }
}
