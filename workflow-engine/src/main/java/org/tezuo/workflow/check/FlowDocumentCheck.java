package org.tezuo.workflow.check;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.flowable.bpmn.converter.BpmnXMLConverter;
import org.flowable.bpmn.model.BpmnModel;
import org.flowable.validation.ProcessValidator;
import org.flowable.validation.ProcessValidatorFactory;
import org.flowable.validation.ValidationError;
import org.springframework.stereotype.Component;
import org.tezuo.core.i18n.UserMessages;
import org.tezuo.core.metadata.DocumentCheck;
import org.tezuo.metadata.MetaSchemaViolation;
import org.tezuo.metadata.MetadataDocument;
import org.tezuo.metadata.MetadataKind;
import org.tezuo.workflow.WorkflowException;
import org.tezuo.workflow.action.FlowActions;
import org.tezuo.workflow.bpmn.ChainCompiler;
import org.tezuo.workflow.definition.FlowDefinition;
import org.tezuo.workflow.definition.FlowDefinitionParser;
import org.tezuo.workflow.definition.GateNode;
import org.tezuo.workflow.definition.InvalidFlowDefinitionException;
import tools.jackson.databind.JsonNode;

/**
 * Rejects a flow document that could not run, at save and at publish. After the flow meta-schema (which {@code
 * MetadataStore} checks first) it parses the chain with {@link FlowDefinitionParser} (unique ids, default
 * branches, route targets), checks that every gate names a registered {@link FlowActions}
 * code, and compiles the chain and runs Flowable's process validator on the result. Each problem names the node
 * and carries its JSON pointer.
 */
@Component
public class FlowDocumentCheck implements DocumentCheck {

    private final FlowDefinitionParser parser = new FlowDefinitionParser();
    private final ChainCompiler compiler = new ChainCompiler();
    private final ProcessValidator validator = new ProcessValidatorFactory().createDefaultProcessValidator();
    private final FlowActions actions;

    public FlowDocumentCheck(FlowActions actions) {
        this.actions = actions;
    }

    @Override
    public boolean appliesTo(MetadataDocument candidate) {
        return candidate.kind() == MetadataKind.FLOW;
    }

    @Override
    public List<MetaSchemaViolation> check(MetadataDocument candidate, Locale locale) {
        FlowDefinition flow;
        try {
            flow = parser.parse(candidate);
        } catch (InvalidFlowDefinitionException e) {
            return List.of(new MetaSchemaViolation("", e.message(locale)));
        } catch (IllegalArgumentException e) {
            return List.of(new MetaSchemaViolation("", render(locale, "flow.invalid", candidate.reference(),
                    e.getMessage())));
        }

        List<MetaSchemaViolation> violations = new ArrayList<>();
        for (GateNode gate : flow.allNodes().stream().filter(GateNode.class::isInstance).map(GateNode.class::cast)
                .toList()) {
            if (actions.find(gate.action()).isEmpty()) {
                violations.add(new MetaSchemaViolation(path(candidate.body(), gate.id()).orElse(""),
                        render(locale, "flow.unknownGateAction", flow.reference(), gate.name().in(locale), gate.id(),
                                gate.action(), actions.codes().isEmpty() ? "—" : String.join("、", actions.codes()))));
            }
        }
        if (!violations.isEmpty()) {
            return violations;
        }

        // Validate the model read back from XML, as Flowable deploys it: only parsing wires the flows to elements.
        byte[] xml = compiler.compile(flow).getBytes(StandardCharsets.UTF_8);
        BpmnModel model = new BpmnXMLConverter().convertToBpmnModel(() -> new ByteArrayInputStream(xml), false,
                true);
        List<ValidationError> errors = validator.validate(model);
        if (!errors.isEmpty()) {
            String details = errors.stream()
                    .map(error -> error.getActivityId() + ": " + error.getDefaultDescription())
                    .collect(Collectors.joining("；"));
            violations.add(new MetaSchemaViolation("", render(locale, "flow.compileFailed", flow.reference(),
                    details)));
        }
        return violations;
    }

    /** Returns the JSON pointer of the node with {@code id}, such as {@code /nodes/3/branches/0/nodes/1}. */
    static Optional<String> path(JsonNode body, String id) {
        return find(body.path("nodes"), "/nodes", id);
    }

    private static Optional<String> find(JsonNode nodes, String prefix, String id) {
        for (int i = 0; i < nodes.size(); i++) {
            JsonNode node = nodes.get(i);
            String here = prefix + "/" + i;
            if (id.equals(node.path("id").asString(""))) {
                return Optional.of(here);
            }
            JsonNode branches = node.path("branches");
            for (int b = 0; b < branches.size(); b++) {
                Optional<String> found = find(branches.get(b).path("nodes"), here + "/branches/" + b + "/nodes", id);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    private static String render(Locale locale, String key, Object... arguments) {
        return UserMessages.render(WorkflowException.BUNDLE, locale, key, arguments);
    }
}
