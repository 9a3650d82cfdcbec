package org.tezuo.workflow.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.repository.Deployment;
import org.flowable.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.tezuo.metadata.MetadataDocument;
import org.tezuo.workflow.bpmn.ChainCompiler;
import org.tezuo.workflow.definition.FlowDefinition;
import org.tezuo.workflow.definition.FlowDefinitionParser;
import tools.jackson.databind.json.JsonMapper;

/**
 * Deploys flow documents to Flowable, once per tenant, key, version and checksum. A deployment is named
 * {@code <key>@<version>}, carries the checksum as its category and contains two resources: the compiled BPMN and
 * the flow document itself, so a running instance always reads the chain it started on.
 */
@Component
public class FlowDeployer {

    private static final Logger log = LoggerFactory.getLogger(FlowDeployer.class);
    private static final String BPMN_SUFFIX = ".bpmn20.xml";
    private static final String FLOW_SUFFIX = ".flow.json";

    private final RepositoryService repository;
    private final ChainCompiler compiler;
    private final FlowDefinitionParser parser;
    private final JsonMapper json;
    private final Map<String, FlowDefinition> definitionsByDeployment = new ConcurrentHashMap<>();

    public FlowDeployer(RepositoryService repository, JsonMapper json) {
        this.repository = repository;
        this.json = json;
        this.compiler = new ChainCompiler();
        this.parser = new FlowDefinitionParser();
    }

    /**
     * Deploys {@code document} for its tenant unless the same version with the same checksum is deployed already.
     *
     * @throws org.tezuo.workflow.definition.InvalidFlowDefinitionException when the document is no valid chain
     */
    public FlowDeployment deploy(MetadataDocument document) {
        FlowDefinition definition = parser.parse(document);
        String tenant = FlowableTenant.of(document.tenantId());
        Optional<FlowDeployment> existing = find(document.tenantId(), definition.key(), definition.version(),
                definition.checksum());
        if (existing.isPresent()) {
            log.debug("Flow {} of tenant {} is deployed already as {}", definition.reference(), tenant,
                    existing.get().deploymentId());
            return existing.get();
        }

        // NOTE: two concurrent first deployments of one version can both pass the check above and deploy twice.
        // Both deployments are equal, and instances start from the newest, so the duplicate is harmless.
        Deployment deployment = repository.createDeployment()
                .tenantId(tenant)
                .key(definition.key())
                .name(deploymentName(definition.key(), definition.version()))
                .category(definition.checksum())
                .addString(definition.key() + BPMN_SUFFIX, compiler.compile(definition))
                .addBytes(definition.key() + FLOW_SUFFIX,
                        json.writeValueAsString(document.body()).getBytes(StandardCharsets.UTF_8))
                .deploy();
        log.info("Deployed flow {} for tenant {} as deployment {}", definition.reference(), tenant,
                deployment.getId());
        definitionsByDeployment.put(deployment.getId(), definition);
        return new FlowDeployment(document.tenantId(), deployment.getId(), processDefinition(deployment.getId()).getId(),
                definition);
    }

    /** Returns the newest deployment of a flow version for a tenant, whatever its checksum. */
    public Optional<FlowDeployment> findLatest(long tenantId, String key, int version) {
        List<Deployment> deployments = repository.createDeploymentQuery()
                .deploymentTenantId(FlowableTenant.of(tenantId))
                .deploymentName(deploymentName(key, version))
                .orderByDeploymentTime().desc()
                .listPage(0, 1);
        return deployments.stream().findFirst().map(deployment -> toFlowDeployment(tenantId, deployment));
    }

    /** Returns the approval chain that the process definition {@code processDefinitionId} was compiled from. */
    public FlowDefinition definitionOf(String processDefinitionId) {
        ProcessDefinition processDefinition = repository.getProcessDefinition(processDefinitionId);
        return definitionOfDeployment(repository.createDeploymentQuery()
                .deploymentId(processDefinition.getDeploymentId())
                .singleResult());
    }

    private Optional<FlowDeployment> find(long tenantId, String key, int version, String checksum) {
        return repository.createDeploymentQuery()
                .deploymentTenantId(FlowableTenant.of(tenantId))
                .deploymentName(deploymentName(key, version))
                .deploymentCategory(checksum)
                .orderByDeploymentTime().desc()
                .listPage(0, 1)
                .stream()
                .findFirst()
                .map(deployment -> toFlowDeployment(tenantId, deployment));
    }

    private FlowDeployment toFlowDeployment(long tenantId, Deployment deployment) {
        return new FlowDeployment(tenantId, deployment.getId(), processDefinition(deployment.getId()).getId(),
                definitionOfDeployment(deployment));
    }

    private FlowDefinition definitionOfDeployment(Deployment deployment) {
        return definitionsByDeployment.computeIfAbsent(deployment.getId(), id -> {
            String name = deployment.getName();
            int at = name.lastIndexOf('@');
            String key = name.substring(0, at);
            int version = Integer.parseInt(name.substring(at + 1));
            return parser.parse(key, version, deployment.getCategory(), json.readTree(resource(id, key + FLOW_SUFFIX)));
        });
    }

    private byte[] resource(String deploymentId, String resourceName) {
        try (InputStream in = repository.getResourceAsStream(deploymentId, resourceName)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resourceName + " of deployment " + deploymentId, e);
        }
    }

    private ProcessDefinition processDefinition(String deploymentId) {
        return repository.createProcessDefinitionQuery().deploymentId(deploymentId).singleResult();
    }

    private static String deploymentName(String key, int version) {
        return key + "@" + version;
    }
}
