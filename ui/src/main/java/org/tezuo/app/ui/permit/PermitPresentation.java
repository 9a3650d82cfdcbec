package org.tezuo.app.ui.permit;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import org.tezuo.app.org.OrgDirectory;
import org.tezuo.app.permit.Permit;
import org.tezuo.app.permit.PermitDrafter;
import org.tezuo.app.permit.PermitTypes;
import org.tezuo.app.ui.form.FieldDisplay;
import org.tezuo.app.ui.form.FormContext;
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
    private final OrgDirectory directory;
    private final TenantDirectory tenants;
    private final TranslationProvider translations;
    /** Parsed form versions by tenant, key and version; a published version never changes. */
    private final Map<String, FormDefinition> forms = new ConcurrentHashMap<>();

    PermitPresentation(PermitTypes permitTypes, PermitDrafter drafter, OrgDirectory directory,
            TenantDirectory tenants, TranslationProvider translations) {
        this.permitTypes = permitTypes;
        this.drafter = drafter;
        this.directory = directory;
        this.tenants = tenants;
        this.translations = translations;
    }

    public ZoneId zone(long tenantId) {
        return tenants.require(tenantId).zone();
    }

    /** Returns the context of the tenant's forms: the tenant's zone and its enabled users as person choices. */
    public FormContext formContext(long tenantId, Locale locale) {
        List<FormContext.PersonChoice> persons = directory.users(tenantId).stream()
                .map(user -> new FormContext.PersonChoice(user.username(), user.displayName()))
                .toList();
        return new FormContext(locale, zone(tenantId), persons);
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
