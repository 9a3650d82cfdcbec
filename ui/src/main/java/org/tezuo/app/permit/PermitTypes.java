package org.tezuo.app.permit;

import java.util.List;
import org.springframework.stereotype.Component;
import org.tezuo.app.api.NotFoundException;
import org.tezuo.core.tenant.Tenant;
import org.tezuo.core.tenant.TenantDirectory;
import org.tezuo.templates.IndustryTemplate;
import org.tezuo.templates.TemplateCatalog;

/** The permit types a tenant offers, from the industry template it was created from. */
@Component
public class PermitTypes {

    private final TenantDirectory tenants;
    private final TemplateCatalog templates;

    public PermitTypes(TenantDirectory tenants, TemplateCatalog templates) {
        this.tenants = tenants;
        this.templates = templates;
    }

    public List<IndustryTemplate.PermitType> list(long tenantId) {
        Tenant tenant = tenants.require(tenantId);
        return tenant.industryTemplate() == null ? List.of()
                : templates.template(tenant.industryTemplate()).permitTypes();
    }

    public IndustryTemplate.PermitType require(long tenantId, String type) {
        return list(tenantId).stream()
                .filter(candidate -> candidate.type().equals(type))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("作业票类型", type));
    }
}
