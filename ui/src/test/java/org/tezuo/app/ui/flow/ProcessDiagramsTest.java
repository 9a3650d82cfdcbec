package org.tezuo.app.ui.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The diagram source against the real Flowable engine: a two-task process read before and after its first task. */
@SpringBootTest
class ProcessDiagramsTest {

    @Autowired
    RepositoryService repository;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    ProcessDiagrams diagrams;

    @Test
    void finishedAndCurrentActivitiesRead() {
        String key = "diagram" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        repository.createDeployment().addString(key + ".bpmn20.xml", process(key)).deploy();
        String instance = runtime.startProcessInstanceByKey(key).getId();

        ProcessDiagrams.Diagram started = diagrams.of(instance).orElseThrow();

        assertThat(started.xml()).contains("班组长审批", "安全总监审批");
        assertThat(started.finished()).contains("start");
        assertThat(started.current()).containsExactly("teamLeader");

        tasks.complete(tasks.createTaskQuery().processInstanceId(instance).singleResult().getId());
        ProcessDiagrams.Diagram next = diagrams.of(instance).orElseThrow();

        assertThat(next.finished()).contains("start", "teamLeader");
        assertThat(next.current()).containsExactly("director");
    }

    @Test
    void unknownInstanceHasNoDiagram() {
        assertThat(diagrams.of("no-such-instance")).isEmpty();
    }

    private static String process(String key) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                             targetNamespace="https://tezuo.org/bpmn/test">
                  <process id="%s" isExecutable="true">
                    <startEvent id="start"/>
                    <sequenceFlow id="f1" sourceRef="start" targetRef="teamLeader"/>
                    <userTask id="teamLeader" name="班组长审批"/>
                    <sequenceFlow id="f2" sourceRef="teamLeader" targetRef="director"/>
                    <userTask id="director" name="安全总监审批"/>
                    <sequenceFlow id="f3" sourceRef="director" targetRef="end"/>
                    <endEvent id="end"/>
                  </process>
                </definitions>
                """.formatted(key);
    }
}
