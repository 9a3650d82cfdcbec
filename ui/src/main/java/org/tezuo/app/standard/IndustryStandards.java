package org.tezuo.app.standard;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.tezuo.core.rules.LocalizedText;
import org.tezuo.core.standard.StandardScenario;
import org.tezuo.core.standard.StandardsCatalog;
import org.tezuo.core.tenant.Tenant;
import org.tezuo.core.tenant.TenantDirectory;
import org.tezuo.templates.IndustryTemplate;
import org.tezuo.templates.TemplateCatalog;

/**
 * The tree of the standards configuration center: the tenant's industry, named by the template it was installed
 * from, then the kinds of work, then their thresholds.
 */
@Component
public class IndustryStandards {

    private final TenantDirectory tenants;
    private final TemplateCatalog templates;
    private final StandardsCatalog catalog;

    IndustryStandards(TenantDirectory tenants, TemplateCatalog templates, StandardsCatalog catalog) {
        this.tenants = tenants;
        this.templates = templates;
        this.catalog = catalog;
    }

    /**
     * The top level of the tree.
     *
     * @param template the industry template id, or null for a tenant created without one
     * @param name the template's name, or the tenant's name without a template
     */
    public record Industry(@Nullable String template, LocalizedText name, List<StandardScenario> scenarios) {

        public Industry {
            scenarios = List.copyOf(scenarios);
        }
    }

    /** Returns the tenant's industry with the thresholds in force, origins rendered in {@code locale}. */
    public Industry of(long tenantId, Locale locale) {
        Tenant tenant = tenants.require(tenantId);
        LocalizedText name = new LocalizedText(tenant.name(), null);
        if (tenant.industryTemplate() != null) {
            IndustryTemplate template = templates.template(tenant.industryTemplate());
            name = new LocalizedText(template.nameZh(), template.nameEn());
        }
        return new Industry(tenant.industryTemplate(), name, catalog.scenarios(tenantId, locale));
    }
}
