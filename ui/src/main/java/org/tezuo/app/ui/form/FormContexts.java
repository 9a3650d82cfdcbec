package org.tezuo.app.ui.form;

import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.tezuo.app.org.OrgDirectory;
import org.tezuo.core.file.FileStore;
import org.tezuo.core.tenant.TenantDirectory;

/** Builds the {@link FormContext} of a tenant's forms: its zone, users, org units and file store. */
@Component
public class FormContexts {

    private final OrgDirectory directory;
    private final TenantDirectory tenants;
    private final FileStore files;

    FormContexts(OrgDirectory directory, TenantDirectory tenants, FileStore files) {
        this.directory = directory;
        this.tenants = tenants;
        this.files = files;
    }

    /** Returns a context for reading without a signed-in user, such as a public page: no access to files. */
    public FormContext forReading(long tenantId, Locale locale) {
        return new FormContext(locale, tenants.require(tenantId).zone(), persons(tenantId), orgUnits(tenantId),
                null, FieldStates.DECLARED);
    }

    /** Returns a context for a signed-in user, whose uploads go to the file store under their name. */
    public FormContext forUser(long tenantId, String username, Locale locale) {
        return new FormContext(locale, tenants.require(tenantId).zone(), persons(tenantId), orgUnits(tenantId),
                new FormFiles(files, tenantId, username), FieldStates.DECLARED);
    }

    private List<FormContext.PersonChoice> persons(long tenantId) {
        return directory.users(tenantId).stream()
                .map(user -> new FormContext.PersonChoice(user.username(), user.displayName()))
                .toList();
    }

    private List<FormContext.OrgUnitChoice> orgUnits(long tenantId) {
        return directory.orgUnits(tenantId).stream()
                .map(unit -> new FormContext.OrgUnitChoice(unit.code(), unit.name()))
                .toList();
    }
}
