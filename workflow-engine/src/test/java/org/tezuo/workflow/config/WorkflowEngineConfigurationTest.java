package org.tezuo.workflow.config;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.flowable.common.engine.api.FlowableException;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
class WorkflowEngineConfigurationTest {

    private static final String BPMN_CALLING_APPLICATION_BEAN = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                         xmlns:flowable="http://flowable.org/bpmn" targetNamespace="https://tezuo.org/test">
              <process id="callsTenantDirectory" isExecutable="true">
                <startEvent id="start"/>
                <sequenceFlow id="toCall" sourceRef="start" targetRef="call"/>
                <serviceTask id="call" flowable:expression="${tenantDirectory.all()}"/>
                <sequenceFlow id="toEnd" sourceRef="call" targetRef="end"/>
                <endEvent id="end"/>
              </process>
            </definitions>""";

    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;

    @Test
    void expressionCannotReachApplicationBeans() {
        repository.createDeployment()
                .tenantId("tenant-expression-test")
                .addString("calls-tenant-directory.bpmn20.xml", BPMN_CALLING_APPLICATION_BEAN)
                .deploy();

        assertThatThrownBy(() -> runtime.startProcessInstanceByKeyAndTenantId("callsTenantDirectory",
                "tenant-expression-test"))
                .isInstanceOf(FlowableException.class)
                .hasMessageContaining("tenantDirectory");
    }
}
