package org.tezuo.workflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.UUID;
import org.flowable.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.tezuo.core.metadata.MetadataStore;
import org.tezuo.core.tenant.TenantDirectory;
import org.tezuo.metadata.MetadataDocument;
import org.tezuo.metadata.MetadataKind;
import org.tezuo.workflow.TestFlows;
import org.tezuo.workflow.approval.ApprovalInbox;
import org.tezuo.workflow.approval.ApprovalStarter;
import org.tezuo.workflow.approval.ApprovalTask;
import org.tezuo.workflow.approval.DirectoryApproverResolver;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest
class FlowDeployerTest {

    @Autowired
    FlowDeployer deployer;
    @Autowired
    RepositoryService repository;
    @Autowired
    MetadataStore metadata;
    @Autowired
    TenantDirectory tenants;
    @Autowired
    ApprovalStarter starter;
    @Autowired
    ApprovalInbox inbox;
    @Autowired
    DirectoryApproverResolver directory;
    @Autowired
    JsonMapper json;

    @Test
    void deployingTwiceIsIdempotent() {
        long tenant = newTenant();
        MetadataDocument document = publish(tenant, TestFlows.COUNTERSIGN);

        FlowDeployment first = deployer.deploy(document);
        FlowDeployment second = deployer.deploy(document);

        assertThat(second.deploymentId()).isEqualTo(first.deploymentId());
        assertThat(second.processDefinitionId()).isEqualTo(first.processDefinitionId());
        assertThat(repository.createDeploymentQuery().deploymentTenantId(FlowableTenant.of(tenant)).count())
                .isEqualTo(1);
        var deployment = repository.createDeploymentQuery().deploymentId(first.deploymentId()).singleResult();
        assertThat(deployment.getName()).isEqualTo("excavation@1");
        assertThat(deployment.getTenantId()).isEqualTo("tenant-" + tenant);
        assertThat(deployment.getCategory()).isEqualTo(document.checksum());
    }

    @Test
    void sameFlowDeploysSeparatelyPerTenant() {
        long tenant = newTenant();
        long otherTenant = newTenant();

        FlowDeployment own = deployer.deploy(publish(tenant, TestFlows.COUNTERSIGN));
        FlowDeployment other = deployer.deploy(publish(otherTenant, TestFlows.COUNTERSIGN));

        assertThat(own.deploymentId()).isNotEqualTo(other.deploymentId());
        assertThat(repository.getProcessDefinition(other.processDefinitionId()).getTenantId())
                .isEqualTo("tenant-" + otherTenant);
    }

    @Test
    void runningInstanceStaysOnItsVersion() {
        long tenant = newTenant();
        directory.role(tenant, "SAFETY_ENGINEER", "engineer1");
        publish(tenant, TestFlows.COUNTERSIGN);
        String firstInstance = starter.start(tenant, "excavation", 1, "DT-1", "zhangsan", json.readTree("{}"));

        publish(tenant, TestFlows.COUNTERSIGN.replace("相关部门会签", "安全部门会签"));
        String secondInstance = starter.start(tenant, "excavation", 2, "DT-2", "zhangsan", json.readTree("{}"));

        assertThat(inbox.tasks(tenant, "engineer1"))
                .extracting(ApprovalTask::processInstanceId, ApprovalTask::flowVersion, task -> task.nodeName().zh())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(firstInstance, 1, "相关部门会签"),
                        org.assertj.core.groups.Tuple.tuple(secondInstance, 2, "安全部门会签"));
        assertThat(deployer.findLatest(tenant, "excavation", 1).orElseThrow().definition().version()).isEqualTo(1);
    }

    private long newTenant() {
        return tenants.create("t-" + UUID.randomUUID(), "测试企业", null, ZoneId.of("Asia/Shanghai")).id();
    }

    private MetadataDocument publish(long tenant, String body) {
        return metadata.saveAndPublish(tenant, MetadataKind.FLOW, "excavation", json.readTree(body), "admin");
    }
}
