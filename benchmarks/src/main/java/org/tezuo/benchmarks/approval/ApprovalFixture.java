package org.tezuo.benchmarks.approval;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.List;
import org.flowable.engine.RepositoryService;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.tezuo.core.metadata.MetadataStore;
import org.tezuo.core.tenant.TenantDirectory;
import org.tezuo.metadata.MetadataKind;
import org.tezuo.workflow.deploy.FlowableTenant;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The workflow engine booted on an emptied PostgreSQL database, with one tenant that has the four-step chain
 * {@value #FLOW_KEY} published through the metadata store and the hand-written process {@value #RAW_PROCESS_KEY}
 * deployed through Flowable's repository service.
 *
 * <p>The database is named by the system property {@code tezuo.bench.db} (default
 * {@code jdbc:postgresql://127.0.0.1:5432/tz_bench}). Its {@code public} schema is dropped and created again, and
 * Liquibase and Flowable create their tables in it as the application does at first start.
 */
final class ApprovalFixture implements AutoCloseable {

    static final String FLOW_KEY = "bench-four-step";
    static final String RAW_PROCESS_KEY = "rawFourStep";
    static final String APPLICANT = "applicant";
    /** The approvers of the four steps, in chain order; each has the role of one step. */
    static final List<String> APPROVERS = List.of("leader", "unitHead", "safetyEngineer", "safetyDirector");

    private static final String RAW_BPMN = "/org/tezuo/benchmarks/approval/raw-four-step.bpmn20.xml";
    private static final String FLOW = """
            {
              "name": {"zh": "四级审批基准", "en": "Four-step approval benchmark"},
              "nodes": [
                {"id": "workLeader", "type": "approver", "name": {"zh": "作业负责人"}, "mode": "single",
                 "assignee": {"by": "role", "role": "WORK_LEADER"}},
                {"id": "unitHead", "type": "approver", "name": {"zh": "所在单位负责人"}, "mode": "single",
                 "assignee": {"by": "role", "role": "UNIT_HEAD"}},
                {"id": "safetyDepartment", "type": "approver", "name": {"zh": "安全管理部门"}, "mode": "single",
                 "assignee": {"by": "role", "role": "SAFETY_ENGINEER"}},
                {"id": "hotWorkApprover", "type": "approver", "name": {"zh": "动火审批人"}, "mode": "single",
                 "assignee": {"by": "role", "role": "SAFETY_DIRECTOR"}}
              ]
            }""";
    private static final List<String> ROLES = List.of("WORK_LEADER", "UNIT_HEAD", "SAFETY_ENGINEER",
            "SAFETY_DIRECTOR");

    private final ConfigurableApplicationContext context;
    private final long tenantId;
    private final JsonNode formData;

    ApprovalFixture() throws SQLException {
        String url = System.getProperty("tezuo.bench.db", "jdbc:postgresql://127.0.0.1:5432/tz_bench");
        String user = System.getProperty("tezuo.bench.user", "postgres");
        emptyPublicSchema(url, user);
        context = new SpringApplicationBuilder(ApprovalBenchmarkApplication.class)
                .web(WebApplicationType.NONE)
                // A config name of its own keeps the ui module's application.properties, which is on the class
                // path, from configuring an H2 database and the demo tenant.
                .properties("spring.config.name=tezuo-benchmark",
                        "spring.datasource.url=" + url,
                        "spring.datasource.username=" + user,
                        "spring.liquibase.change-log=classpath:db/changelog/db.changelog-master.yaml",
                        "flowable.database-schema-update=true",
                        "flowable.async-executor-activate=false",
                        "flowable.check-process-definitions=false",
                        // Vaadin's auto-configuration, on the class path through the ui module, needs a web
                        // application context.
                        "spring.autoconfigure.exclude=com.vaadin.flow.spring.SpringBootAutoConfiguration,"
                                + "com.vaadin.flow.spring.SpringSecurityAutoConfiguration,"
                                + "com.vaadin.flow.spring.VaadinScopesConfig",
                        "spring.main.banner-mode=off",
                        "logging.level.root=warn")
                .run();

        JsonMapper json = context.getBean(JsonMapper.class);
        tenantId = context.getBean(TenantDirectory.class)
                .create("bench-" + System.nanoTime(), "基准测试企业", null, ZoneId.of("Asia/Shanghai")).id();
        context.getBean(MetadataStore.class).saveAndPublish(tenantId, MetadataKind.FLOW, FLOW_KEY,
                json.readTree(FLOW), "bench");
        RoleDirectory directory = context.getBean(RoleDirectory.class);
        for (int i = 0; i < ROLES.size(); i++) {
            directory.assign(ROLES.get(i), APPROVERS.get(i));
        }
        context.getBean(RepositoryService.class).createDeployment()
                .tenantId(FlowableTenant.of(tenantId))
                .name(RAW_PROCESS_KEY)
                .addInputStream(RAW_PROCESS_KEY + ".bpmn20.xml", getClass().getResourceAsStream(RAW_BPMN))
                .deploy();
        formData = json.readTree("""
                {"workLocation": "3 号储罐区", "workContent": "管线动火切割", "fireLevel": "一级",
                 "gasReadingPercentLel": 0.2, "startTime": "2026-12-05T08:00:00+08:00"}""");
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    long tenantId() {
        return tenantId;
    }

    JsonNode formData() {
        return formData;
    }

    private static void emptyPublicSchema(String url, String user) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, user, System.getProperty("tezuo.bench.password",
                ""));
                Statement statement = connection.createStatement()) {
            statement.execute("drop schema if exists public cascade");
            statement.execute("create schema public");
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
