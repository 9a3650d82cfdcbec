package org.tezuo.workflow.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.repository.Deployment;
import org.flowable.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
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
    private final TransactionTemplate ownTransaction;
    private final Map<String, FlowDefinition> definitionsByDeployment = new ConcurrentHashMap<>();
    private final Map<String, FlowDefinition> definitionsByProcessDefinition = new ConcurrentHashMap<>();
    /** Deployments by the document version they were made from; a deployment never changes once made. */
    private final Map<DocumentVersion, FlowDeployment> deploymentsByDocument = new ConcurrentHashMap<>();

    /** A flow document version of a tenant; the checksum distinguishes it from an edited body with the same number. */
    private record DocumentVersion(long tenantId, String key, int version, String checksum) {
    }

    public FlowDeployer(RepositoryService repository, JsonMapper json, PlatformTransactionManager transactions) {
        this.repository = repository;
        this.json = json;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.compiler = new ChainCompiler();
        this.parser = new FlowDefinitionParser();
    }

    /**
     * Deploys {@code document} for its tenant unless the same version with the same checksum is deployed already.
     *
     * @throws org.tezuo.workflow.definition.InvalidFlowDefinitionException when the document is no valid chain
     */
    public FlowDeployment deploy(MetadataDocument document) {
        DocumentVersion documentVersion = new DocumentVersion(document.tenantId(), document.key(), document.version(),
                document.checksum());
        FlowDeployment known = deploymentsByDocument.get(documentVersion);
        if (known != null) {
            return known;
        }

        FlowDefinition definition = parser.parse(document);
        FlowDeployment deployment = find(document.tenantId(), definition.key(), definition.version(),
                definition.checksum())
                .orElseGet(() -> {
                    // Deploy in a transaction of its own and one at a time, so that two first submissions of a new
                    // version do not both deploy it: the second would collide on Flowable's unique
                    // process-definition version.
                    // NOTE: the lock is per JVM; two application nodes can still race, and the later start then
                    // fails once.
                    synchronized (this) {
                        return Objects.requireNonNull(ownTransaction.execute(status -> find(document.tenantId(),
                                definition.key(), definition.version(), definition.checksum())
                                .orElseGet(() -> deployNew(document, definition))));
                    }
                });
        deploymentsByDocument.put(documentVersion, deployment);
        return deployment;
    }

    private FlowDeployment deployNew(MetadataDocument document, FlowDefinition definition) {
        String tenant = FlowableTenant.of(document.tenantId());
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
        // A process definition never changes after deployment, so its chain is cached for the life of the app.
        return definitionsByProcessDefinition.computeIfAbsent(processDefinitionId,
                id -> definitionOfDeployment(deploymentOf(id)));
    }

    /**
     * Returns the approval chain of a process definition when this deployer deployed it, or empty for a process
     * deployed by other means, such as plain BPMN in the engine's own tests and benchmarks.
     */
    public Optional<FlowDefinition> chainOf(String processDefinitionId) {
        FlowDefinition cached = definitionsByProcessDefinition.get(processDefinitionId);
        if (cached != null) {
            return Optional.of(cached);
        }
        Deployment deployment = deploymentOf(processDefinitionId);
        if (deployment == null || deployment.getName() == null || deployment.getName().lastIndexOf('@') < 1) {
            return Optional.empty();
        }
        return Optional.of(definitionsByProcessDefinition.computeIfAbsent(processDefinitionId,
                id -> definitionOfDeployment(deployment)));
    }

    private Deployment deploymentOf(String processDefinitionId) {
        ProcessDefinition processDefinition = repository.getProcessDefinition(processDefinitionId);
        return repository.createDeploymentQuery()
                .deploymentId(processDefinition.getDeploymentId())
                .singleResult();
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
