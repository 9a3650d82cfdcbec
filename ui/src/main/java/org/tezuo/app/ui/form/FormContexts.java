package org.tezuo.app.ui.form;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.tezuo.app.org.OrgDirectory;
import org.tezuo.core.file.FileStore;
import org.tezuo.core.tenant.TenantDirectory;
import org.tezuo.form.evaluation.FormEvaluator;

/** Builds the {@link FormContext} of a tenant's forms: its zone, users, org units and file store. */
@Component
public class FormContexts {

    private final OrgDirectory directory;
    private final TenantDirectory tenants;
    private final FileStore files;
    private final FormEvaluator evaluator;
    private final Clock clock;

    FormContexts(OrgDirectory directory, TenantDirectory tenants, FileStore files, FormEvaluator evaluator,
            Clock clock) {
        this.directory = directory;
        this.tenants = tenants;
        this.files = files;
        this.evaluator = evaluator;
        this.clock = clock;
    }

    /** Returns a context for reading without a signed-in user, such as a public page: no access to files. */
    public FormContext forReading(long tenantId, Locale locale) {
        return new FormContext(locale, tenants.require(tenantId).zone(), persons(tenantId), orgUnits(tenantId),
                null, FieldStates.DECLARED);
    }

    /** Returns a context for a signed-in user, whose uploads go to the file store under their name. */
    public FormContext forUser(long tenantId, String username, Locale locale) {
        ZoneId zone = tenants.require(tenantId).zone();
        FieldStates conditions = new ConditionalFieldStates(evaluator, username, directory.orgUnitCodeOf(tenantId, username), zone,
                locale, clock);
        return new FormContext(locale, zone, persons(tenantId), orgUnits(tenantId),
                new FormFiles(files, tenantId, username), conditions);
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
