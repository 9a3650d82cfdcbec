package org.tezuo.workflow.action;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tezuo.workflow.definition.Label;

/**
 * Test flow actions: {@code cc}, {@code notify} and {@code timeLimit} record each call, and the gate {@code
 * testGate} passes unless the form data sets {@code "failGate": true}.
 */
@Configuration
public class RecordingFlowActions {

    /** Every call as "processInstanceId:code:node:argument". */
    public static final List<String> CALLS = new CopyOnWriteArrayList<>();

    @Bean
    FlowAction testCcAction() {
        return recording("cc");
    }

    @Bean
    FlowAction testNotifyAction() {
        return recording("notify");
    }

    @Bean
    FlowAction testTimeLimitAction() {
        return recording("timeLimit");
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

    private static FlowAction recording(String code) {
        return new FlowAction() {
            @Override
            public String code() {
                return code;
            }

            @Override
            public FlowActionResult execute(FlowActionContext context) {
                CALLS.add(context.processInstanceId() + ":" + code + ":" + context.node().id() + ":"
                        + context.argument());
                return FlowActionResult.pass();
            }
        };
    }
}
