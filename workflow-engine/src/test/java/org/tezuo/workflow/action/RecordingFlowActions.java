package org.tezuo.workflow.action;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tezuo.workflow.definition.Label;

/**
 * Test hooks for flow actions: every registered action records its calls before running, and the gate {@code
 * testGate} passes unless the form data sets {@code "failGate": true}.
 */
@Configuration
public class RecordingFlowActions {

    /** Every call as "processInstanceId:code:node:argument". */
    public static final List<String> CALLS = new CopyOnWriteArrayList<>();

    /** Wraps each action bean, the real cc, notify and timeLimit actions included, so that its calls are recorded. */
    @Bean
    static BeanPostProcessor flowActionRecorder() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof FlowAction action && !action.code().equals("testGate")
                        ? recording(action) : bean;
            }
        };
    }

    @Bean
    FlowAction testGateAction() {
        return new FlowAction() {
            @Override
            public String code() {
                return "testGate";
            }

            @Override
            public FlowActionResult execute(FlowActionContext context) {
                CALLS.add(context.processInstanceId() + ":testGate:" + context.node().id() + ":null");
                return context.formData().path("failGate").asBoolean(false)
                        ? FlowActionResult.fail(new Label("资质不符", "Not qualified"))
                        : FlowActionResult.pass();
            }
        };
    }

    /** Returns the calls of one process instance, without its id. */
    public static List<String> callsOf(String processInstanceId) {
        return CALLS.stream().filter(call -> call.startsWith(processInstanceId + ":"))
                .map(call -> call.substring(processInstanceId.length() + 1))
                .toList();
    }

    private static FlowAction recording(FlowAction action) {
        return new FlowAction() {
            @Override
            public String code() {
                return action.code();
            }

            @Override
            public FlowActionResult execute(FlowActionContext context) {
                CALLS.add(context.processInstanceId() + ":" + action.code() + ":" + context.node().id() + ":"
                        + context.argument());
                return action.execute(context);
            }
        };
    }
}
