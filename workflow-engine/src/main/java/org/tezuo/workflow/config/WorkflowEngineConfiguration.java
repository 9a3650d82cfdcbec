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
import org.tezuo.workflow.runtime.CountersignBean;
import org.tezuo.workflow.runtime.FlowConditionBean;
import org.tezuo.workflow.runtime.TimerDates;

/** Flowable engine settings that Tezuo's approval chains rely on or that make them cheaper to run. */
@Configuration(proxyBeanMethods = false)
public class WorkflowEngineConfiguration {

    /**
     * Limits the beans that process expressions can reach to Tezuo's own: the outcome notifier, the flow action
     * delegate, the branch condition, countersign and timer date beans. Without this, Flowable resolves any Spring
     * bean named in an expression, so a deployed BPMN could call arbitrary application code. The beans that need
     * the deployer are injected lazily, because the deployer needs the engine that this configurer builds.
     */
    @Bean
    EngineConfigurationConfigurer<SpringProcessEngineConfiguration> tezuoExpressionBeans(
            FlowOutcomeNotifier notifier, @Lazy FlowActionDelegate actions, @Lazy FlowConditionBean conditions,
            @Lazy CountersignBean countersign, TimerDates timerDates) {
        return configuration -> configuration.setBeans(Map.of(
                ChainVariables.OUTCOME_NOTIFIER_BEAN, notifier,
                ChainVariables.FLOW_ACTION_BEAN, actions,
                ChainVariables.CONDITION_BEAN, conditions,
                ChainVariables.COUNTERSIGN_BEAN, countersign,
                ChainVariables.TIMER_DATES_BEAN, timerDates));
    }

    /**
     * Turns off Flowable's identity engine. Tezuo resolves approvers to user names when an approval starts and
     * offers tasks to candidate users only, so it never creates Flowable users, groups or memberships. With the
     * identity engine on, every task query by candidate user first looked up the user's groups in those empty
     * tables: one extra query for each inbox listing and each decision (ApprovalThroughputBenchmark,
     * docs/benchmarks.md). Without it, task queries match candidate users and assignees only.
     */
    @Bean
    EngineConfigurationConfigurer<SpringProcessEngineConfiguration> tezuoWithoutIdentityEngine() {
        // NOTE: a flow that offers tasks to candidate groups kept in Flowable's identity tables needs this back on.
        return configuration -> configuration.setDisableIdmEngine(true);
    }
}
