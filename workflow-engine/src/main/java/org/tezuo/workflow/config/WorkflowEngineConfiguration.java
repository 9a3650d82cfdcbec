package org.tezuo.workflow.config;

import java.util.Map;
import org.flowable.spring.SpringProcessEngineConfiguration;
import org.flowable.spring.boot.EngineConfigurationConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tezuo.workflow.approval.FlowOutcomeNotifier;
import org.tezuo.workflow.bpmn.ChainVariables;

/**
 * Limits the beans that process expressions can reach to Tezuo's outcome notifier. Without this, Flowable
 * resolves any Spring bean named in an expression, so a deployed BPMN could call arbitrary application code.
 */
@Configuration(proxyBeanMethods = false)
public class WorkflowEngineConfiguration {

    @Bean
    EngineConfigurationConfigurer<SpringProcessEngineConfiguration> tezuoExpressionBeans(
            FlowOutcomeNotifier notifier) {
        return configuration -> configuration.setBeans(Map.of(ChainVariables.OUTCOME_NOTIFIER_BEAN, notifier));
    }
}
