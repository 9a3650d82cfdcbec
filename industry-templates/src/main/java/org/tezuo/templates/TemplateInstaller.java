package org.tezuo.templates;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tezuo.core.audit.AuditLog;
import org.tezuo.core.metadata.MetadataStore;
import org.tezuo.core.tenant.Tenant;
import org.tezuo.core.tenant.TenantDirectory;

/**
 * Creates a tenant from an industry template: the tenant row, its org units, its posts with the certificate items
 * they require and every document of the template published as version 1. One transaction, so a failed document leaves no half-installed tenant.
 */
@Component
public class TemplateInstaller {

    private static final Logger log = LoggerFactory.getLogger(TemplateInstaller.class);

    private final TemplateCatalog catalog;
    private final TenantDirectory tenants;
    private final MetadataStore metadata;
    private final JdbcClient jdbc;
    private final AuditLog audit;

    public TemplateInstaller(TemplateCatalog catalog, TenantDirectory tenants, MetadataStore metadata, JdbcClient jdbc,
            AuditLog audit) {
        this.catalog = catalog;
        this.tenants = tenants;
        this.metadata = metadata;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** Installed tenant and the ids of its org units by code. */
    public record Installation(Tenant tenant, Map<String, Long> orgUnitIds) {
    }

    @Transactional
    public Installation createTenant(String code, String name, String templateId, ZoneId zone, String actor) {
        IndustryTemplate template = catalog.template(templateId);
        Tenant tenant = tenants.create(code, name, templateId, zone);
        Map<String, Long> orgUnitIds = createOrgUnits(tenant.id(), template);
        createPosts(tenant.id(), template);
        for (IndustryTemplate.DocumentEntry entry : template.documents()) {
            metadata.saveAndPublish(tenant.id(), entry.kind(), entry.key(), catalog.documentBody(template, entry), actor);
        }
        audit.append(tenant.id(), actor, "tenant.create-from-template", "tenant", code, null,
                Map.of("template", templateId, "documents", template.documents().size()));
        log.info("Created tenant {} from template {} with {} documents", code, templateId, template.documents().size());
        return new Installation(tenant, orgUnitIds);
    }

    private Map<String, Long> createOrgUnits(long tenantId, IndustryTemplate template) {
        Map<String, Long> ids = new HashMap<>();
        for (IndustryTemplate.OrgUnitSeed unit : template.orgUnits()) {
            GeneratedKeyHolder keys = new GeneratedKeyHolder();
            jdbc.sql("insert into org_unit (tenant_id, parent_id, code, name, kind) values (?, ?, ?, ?, ?)")
                    .params(tenantId, unit.parent() == null ? null : ids.get(unit.parent()), unit.code(), unit.name(),
                            unit.kind())
                    .update(keys, "id");
            ids.put(unit.code(), keys.getKey().longValue());
        }
        return ids;
    }

    private void createPosts(long tenantId, IndustryTemplate template) {
        for (IndustryTemplate.PostSeed post : template.posts()) {
            GeneratedKeyHolder keys = new GeneratedKeyHolder();
            jdbc.sql("insert into post (tenant_id, code, name) values (?, ?, ?)")
                    .params(tenantId, post.code(), post.name())
                    .update(keys, "id");
            long postId = keys.getKey().longValue();
            for (String item : post.requiredItems()) {
                jdbc.sql("insert into post_requirement (tenant_id, post_id, certificate_item, source) "
                        + "values (?, ?, ?, ?)")
                        .params(tenantId, postId, item, post.source())
                        .update();
            }
        }
    }
}
