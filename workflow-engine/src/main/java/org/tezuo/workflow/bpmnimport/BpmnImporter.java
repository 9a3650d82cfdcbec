package org.tezuo.workflow.bpmnimport;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.flowable.bpmn.converter.BpmnXMLConverter;
import org.flowable.bpmn.exceptions.XMLException;
import org.flowable.bpmn.model.BpmnModel;
import org.flowable.bpmn.model.Process;
import org.springframework.stereotype.Component;
import org.tezuo.core.metadata.MetadataStore;
import org.tezuo.metadata.MetadataDocument;
import org.tezuo.metadata.MetadataKind;
import org.tezuo.workflow.action.FlowActions;
import org.tezuo.workflow.definition.FlowDefinitionParser;
import org.tezuo.workflow.definition.InvalidFlowDefinitionException;
import org.tezuo.core.i18n.UserMessages;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Imports BPMN XML made in another modeler as an approval chain. The XML is read with DTDs and external entities
 * disabled; every element, attribute, listener and expression that the platform does not run is reported by
 * element id and type, and only a file without any becomes a flow document. Supported shapes are listed in
 * {@link BpmnChainConverter}; a service task must call the {@code tezuoFlowAction} bean with a registered gate
 * action code, and class delegates, arbitrary expressions, scripts and call activities are always refused.
 */
@Component
public class BpmnImporter {

    /** Actions the compiler emits for other node types, which cannot be gates. */
    private static final Set<String> NON_GATE_ACTIONS = Set.of("cc", "notify", "timeLimit");

    private final JsonMapper json;
    private final FlowActions actions;
    private final MetadataStore metadata;
    private final FlowDefinitionParser parser = new FlowDefinitionParser();

    public BpmnImporter(JsonMapper json, FlowActions actions, MetadataStore metadata) {
        this.json = json;
        this.actions = actions;
        this.metadata = metadata;
    }

    /** Converts {@code xml} into a flow document body named {@code key}, or returns every problem. */
    public ImportResult convert(String key, byte[] xml) {
        BpmnScan scan = BpmnScan.of(xml);
        List<ImportProblem> problems = new ArrayList<>(scan.problems);
        if (!problems.isEmpty()) {
            return new ImportResult(null, problems);
        }
        BpmnModel model;
        try {
            XMLInputFactory factory = XMLInputFactory.newFactory();
            factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
            XMLStreamReader reader = factory.createXMLStreamReader(new ByteArrayInputStream(xml));
            model = new BpmnXMLConverter().convertToBpmnModel(reader);
        } catch (XMLStreamException | XMLException e) {
            return new ImportResult(null, List.of(ImportProblem.of("", "xml", "import.notXml", e.getMessage())));
        }
        Process process = model.getMainProcess();
        Set<String> gates = new TreeSet<>(actions.codes());
        gates.removeAll(NON_GATE_ACTIONS);
        BpmnChainConverter converter = new BpmnChainConverter(json, scan, gates);
        ObjectNode body = converter.convert(process, key);
        problems.addAll(converter.problems());
        if (!problems.isEmpty()) {
            return new ImportResult(null, problems);
        }
        try {
            parser.parse(key, 1, "import", body);
        } catch (InvalidFlowDefinitionException e) {
            return new ImportResult(null, List.of(ImportProblem.of(process.getId(), "process", "import.invalidChain",
                    e.message(UserMessages.DEFAULT_LOCALE))));
        }
        return new ImportResult(body, List.of());
    }

    /**
     * Converts {@code xml} and saves it as the draft of flow {@code key}, which the designer then opens; saves
     * nothing when the file has a problem.
     */
    public ImportResult importDraft(long tenantId, String key, byte[] xml, String author) {
        ImportResult result = convert(key, xml);
        if (result.succeeded()) {
            MetadataDocument draft = metadata.saveDraft(tenantId, MetadataKind.FLOW, key, result.document(), author);
            return new ImportResult(draft.body(), List.of());
        }
        return result;
    }
}
