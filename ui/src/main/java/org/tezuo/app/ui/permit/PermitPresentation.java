package org.tezuo.app.ui.permit;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import org.tezuo.app.permit.Permit;
import org.tezuo.app.permit.PermitDrafter;
import org.tezuo.app.permit.PermitTypes;
import org.tezuo.app.ui.form.FieldDisplay;
import org.tezuo.app.ui.form.FormContext;
import org.tezuo.app.ui.form.FormContexts;
import org.tezuo.app.ui.i18n.TranslationProvider;
import org.tezuo.core.tenant.TenantDirectory;
import org.tezuo.form.definition.FormDefinition;
import org.tezuo.templates.IndustryTemplate;

/**
 * Shared parts of the permit pages: the form context of a tenant (its zone and users), the read-only display of
 * values, the form version each permit was created under and the permit's summary.
 */
@Component
public class PermitPresentation {

    private final PermitTypes permitTypes;
    private final PermitDrafter drafter;
    private final TenantDirectory tenants;
    private final TranslationProvider translations;
    private final FormContexts contexts;
    /** Parsed form versions by tenant, key and version; a published version never changes. */
    private final Map<String, FormDefinition> forms = new ConcurrentHashMap<>();

    PermitPresentation(PermitTypes permitTypes, PermitDrafter drafter,
            TenantDirectory tenants, TranslationProvider translations, FormContexts contexts) {
        this.permitTypes = permitTypes;
        this.drafter = drafter;
        this.tenants = tenants;
        this.translations = translations;
        this.contexts = contexts;
    }

    public ZoneId zone(long tenantId) {
        return tenants.require(tenantId).zone();
    }

    /** Returns the context of the tenant's forms for a page without a signed-in user: no access to files. */
    public FormContext formContext(long tenantId, Locale locale) {
        return contexts.forReading(tenantId, locale);
    }

    /** Returns the context of the tenant's forms for a signed-in user, whose uploads go to the file store. */
    public FormContext formContext(long tenantId, String username, Locale locale) {
        return contexts.forUser(tenantId, username, locale);
    }

    public FieldDisplay display(FormContext context) {
        return new FieldDisplay(context, translations.getTranslation("value.yes", context.locale()),
                translations.getTranslation("value.no", context.locale()));
    }

    /** Returns the form version the permit was created under. */
    public FormDefinition formOf(Permit permit) {
        return forms.computeIfAbsent(permit.tenantId() + "/" + permit.formKey() + "@" + permit.formVersion(),
                key -> drafter.formOf(permit));
    }

    public IndustryTemplate.PermitType type(Permit permit) {
        return permitTypes.require(permit.tenantId(), permit.permitType());
    }

    public PermitSummary summary(Permit permit, FieldDisplay display, Locale locale) {
        return PermitSummary.of(permit, formOf(permit), type(permit), display, locale);
    }
}
