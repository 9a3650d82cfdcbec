package org.tezuo.workflow.bpmnimport;

import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.tezuo.workflow.bpmn.ChainVariables;

/**
 * A streaming pass over BPMN XML, with DTDs and external entities disabled, that lists every element and
 * attribute of the process the platform does not run and collects the vendor attributes (camunda:, flowable:,
 * activiti:) that Flowable's own converter ignores for the camunda namespace: assignees, candidates, delegate
 * expressions and service task fields.
 */
final class BpmnScan {

    static final String BPMN_NAMESPACE = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    private static final Set<String> ALLOWED = Set.of("process", "startEvent", "endEvent", "userTask", "serviceTask",
            "exclusiveGateway", "parallelGateway", "sequenceFlow", "boundaryEvent", "intermediateCatchEvent",
            "incoming", "outgoing", "conditionExpression", "timerEventDefinition", "timeDuration", "timeCycle",
            "timeDate", "extensionElements", "documentation", "multiInstanceLoopCharacteristics", "loopCardinality",
            "completionCondition", "terminateEventDefinition", "textAnnotation", "association", "text");
    /** Vendor extension elements that carry no behaviour and are dropped. */
    private static final Set<String> IGNORED_EXTENSIONS = Set.of("properties", "property", "formData", "formField",
            "formProperty", "value", "validation", "constraint", "string");
    private static final Set<String> PLATFORM_BEANS = Set.of("${" + ChainVariables.FLOW_ACTION_BEAN + "}",
            "${" + ChainVariables.OUTCOME_NOTIFIER_BEAN + "}");

    final List<ImportProblem> problems = new ArrayList<>();
    /** Vendor attributes by element id, keyed by local name, such as candidateGroups. */
    final Map<String, Map<String, String>> vendorAttributes = new HashMap<>();
    /** Service task fields by element id. */
    final Map<String, Map<String, String>> fields = new HashMap<>();

    static BpmnScan of(byte[] xml) {
        BpmnScan scan = new BpmnScan();
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        try {
            XMLStreamReader reader = factory.createXMLStreamReader(new ByteArrayInputStream(xml));
            scan.read(reader);
            reader.close();
        } catch (XMLStreamException e) {
            scan.problems.add(ImportProblem.of("", "xml", "import.notXml", e.getMessage()));
        }
        return scan;
    }

    private void read(XMLStreamReader reader) throws XMLStreamException {
        // The id of the nearest enclosing element that has one, per open element inside the process.
        Deque<String> owners = new ArrayDeque<>();
        boolean processSeen = false;
        String currentField = null;
        while (reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.DTD) {
                problems.add(ImportProblem.of("", "DOCTYPE", "import.doctype"));
                return;
            }
            if (event == XMLStreamConstants.END_ELEMENT) {
                if (!owners.isEmpty()) {
                    owners.pop();
                }
                continue;
            }
            if (event == XMLStreamConstants.CHARACTERS && currentField != null && !owners.isEmpty()
                    && !reader.isWhiteSpace()) {
                fields.computeIfAbsent(owners.peek(), id -> new LinkedHashMap<>())
                        .merge(currentField, reader.getText().strip(), String::concat);
                continue;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            String name = reader.getLocalName();
            boolean bpmn = BPMN_NAMESPACE.equals(reader.getNamespaceURI());
            String id = attribute(reader, "id");
            if (owners.isEmpty()) {
                if (bpmn && name.equals("collaboration")) {
                    problems.add(ImportProblem.of(id, name, "import.unsupportedElement"));
                }
                if (!(bpmn && name.equals("process"))) {
                    continue;
                }
                if (processSeen) {
                    problems.add(ImportProblem.of(id, name, "import.severalProcesses"));
                }
                processSeen = true;
            }
            String enclosing = owners.isEmpty() ? "" : owners.peek();
            // An element without an id, such as a condition expression, is reported under its enclosing element.
            String owner = id.isEmpty() ? enclosing : id;
            owners.push(owner);
            if (bpmn) {
                if (!ALLOWED.contains(name)) {
                    problems.add(ImportProblem.of(owner, name, "import.unsupportedElement"));
                }
                checkAttributes(reader, owner, name);
                if (!name.equals("extensionElements")) {
                    currentField = null;
                }
                continue;
            }
            vendorElement(reader, name, enclosing);
            if (name.equals("field")) {
                currentField = attribute(reader, "name");
            }
        }
        if (!processSeen) {
            problems.add(ImportProblem.of("", "definitions", "import.noProcess"));
        }
    }

    /** Checks a camunda:, flowable: or activiti: element inside the element {@code owner}. */
    private void vendorElement(XMLStreamReader reader, String name, String owner) {
        switch (name) {
            case "field" -> {
                String expression = attribute(reader, "expression");
                if (!expression.isEmpty()) {
                    problems.add(ImportProblem.of(owner, "field", "import.expressionAttribute", expression));
                }
                fields.computeIfAbsent(owner, key -> new LinkedHashMap<>())
                        .put(attribute(reader, "name"), attribute(reader, "stringValue"));
            }
            case "expression" -> problems.add(ImportProblem.of(owner, "field", "import.expressionAttribute", "—"));
            case "executionListener", "taskListener" -> {
                String delegate = attribute(reader, "delegateExpression");
                if (!PLATFORM_BEANS.contains(delegate)) {
                    problems.add(ImportProblem.of(owner, name, "import.listener",
                            firstNonEmpty(attribute(reader, "class"), attribute(reader, "expression"), delegate,
                                    "script")));
                }
            }
            default -> {
                if (!IGNORED_EXTENSIONS.contains(name)) {
                    problems.add(ImportProblem.of(owner, reader.getPrefix() + ":" + name,
                            "import.unsupportedExtension"));
                }
            }
        }
    }

    private void checkAttributes(XMLStreamReader reader, String id, String element) {
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            String namespace = reader.getAttributeNamespace(i);
            if (namespace == null || namespace.isEmpty() || BPMN_NAMESPACE.equals(namespace)
                    || namespace.startsWith("http://www.w3.org/")) {
                continue;
            }
            String name = reader.getAttributeLocalName(i);
            String value = reader.getAttributeValue(i);
            vendorAttributes.computeIfAbsent(id, key -> new HashMap<>()).put(name, value);
            switch (name) {
                case "class" -> problems.add(ImportProblem.of(id, element, "import.classDelegate", value));
                case "expression" -> problems.add(ImportProblem.of(id, element, "import.expressionAttribute", value));
                case "delegateExpression" -> {
                    if (!PLATFORM_BEANS.contains(value)) {
                        problems.add(ImportProblem.of(id, element, "import.delegateExpression", value));
                    }
                }
                case "type", "topic", "resultVariable", "script", "scriptFormat", "calledElement" ->
                        problems.add(ImportProblem.of(id, element, "import.unsupportedAttribute",
                                reader.getAttributePrefix(i) + ":" + name + "=\"" + value + "\""));
                default -> {
                }
            }
        }
    }

    private static String attribute(XMLStreamReader reader, String localName) {
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            if (reader.getAttributeLocalName(i).equals(localName)) {
                return reader.getAttributeValue(i);
            }
        }
        return "";
    }

    private static String firstNonEmpty(String... values) {
        for (String value : values) {
            if (!value.isEmpty()) {
                return value;
            }
        }
        return "";
    }
}
