package org.tezuo.app.ui.flow;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.flowable.engine.HistoryService;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.history.HistoricActivityInstance;
import org.flowable.engine.history.HistoricProcessInstance;
import org.springframework.stereotype.Component;

/**
 * Reads the diagram of one approval process from Flowable: the deployed BPMN XML, the activities that have
 * finished (history) and those that are active now (runtime), for {@link BpmnViewer#mark}.
 */
@Component
public class ProcessDiagrams {

    private final HistoryService history;
    private final RuntimeService runtime;
    private final RepositoryService repository;

    public ProcessDiagrams(HistoryService history, RuntimeService runtime, RepositoryService repository) {
        this.history = history;
        this.runtime = runtime;
        this.repository = repository;
    }

    /**
     * The deployed XML of a process and its progress.
     *
     * @param finished ids of the BPMN elements that have run to their end, in the order they finished
     * @param current ids of the elements waiting now, such as open user tasks; empty once the process ended
     */
    public record Diagram(String xml, Set<String> finished, Set<String> current) {
    }

    /** Returns the diagram of the process instance {@code processInstanceId}, empty when Flowable has none. */
    public Optional<Diagram> of(String processInstanceId) {
        HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery()
                .processInstanceId(processInstanceId).singleResult();
        if (instance == null) {
            return Optional.empty();
        }
        String xml;
        try (InputStream in = repository.getProcessModel(instance.getProcessDefinitionId())) {
            xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Reading the BPMN of process " + processInstanceId + " failed", e);
        }
        Set<String> finished = new LinkedHashSet<>();
        List<HistoricActivityInstance> done = history.createHistoricActivityInstanceQuery()
                .processInstanceId(processInstanceId).finished().orderByHistoricActivityInstanceEndTime().asc()
                .list();
        done.forEach(activity -> finished.add(activity.getActivityId()));
        Set<String> current = new LinkedHashSet<>();
        if (instance.getEndTime() == null && runtime.createProcessInstanceQuery().processInstanceId(
                processInstanceId).count() > 0) {
            current.addAll(runtime.getActiveActivityIds(processInstanceId));
        }
        finished.removeAll(current);
        return Optional.of(new Diagram(xml, finished, current));
    }
}
