package org.tezuo.app.ui.form;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.tezuo.app.org.OrgDirectory;
import org.tezuo.core.file.FileStore;
import org.tezuo.core.record.EntityNotFoundException;
import org.tezuo.core.record.RecordQuery;
import org.tezuo.core.record.StoredRecord;
import org.tezuo.core.tenant.TenantDirectory;
import org.tezuo.form.evaluation.FormEvaluator;
import org.tezuo.form.record.RecordService;
import tools.jackson.databind.JsonNode;

/** Builds the {@link FormContext} of a tenant's forms: its zone, users, org units and file store. */
@Component
public class FormContexts {

    private static final Logger log = LoggerFactory.getLogger(FormContexts.class);

    private final OrgDirectory directory;
    private final TenantDirectory tenants;
    private final FileStore files;
    private final FormEvaluator evaluator;
    private final RecordService records;
    private final Clock clock;

    FormContexts(OrgDirectory directory, TenantDirectory tenants, FileStore files, FormEvaluator evaluator,
            RecordService records, Clock clock) {
        this.directory = directory;
        this.tenants = tenants;
        this.files = files;
        this.evaluator = evaluator;
        this.records = records;
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
                new FormFiles(files, tenantId, username), conditions, entity -> recordChoices(tenantId, entity));
    }

    /**
     * Returns the first records of an entity, newest first, each captioned by its first text value and its id.
     * An entity that is unknown or stores no records offers none, so the field takes a typed id.
     */
    private List<FormContext.RecordChoice> recordChoices(long tenantId, String entity) {
        try {
            return records.list(tenantId, entity, new RecordQuery(List.of(), List.of("-updatedAt"), 0,
                            RecordQuery.MAX_SIZE)).items().stream()
                    .map(record -> new FormContext.RecordChoice(record.id(), caption(record)))
                    .toList();
        } catch (EntityNotFoundException e) {
            log.warn("Reference field of tenant {} names entity {} that offers no records: {}", tenantId, entity,
                    e.getMessage());
            return List.of();
        }
    }

    private static String caption(StoredRecord record) {
        for (JsonNode value : record.data().values()) {
            if (value.isString() && !value.asString().isBlank()) {
                return value.asString() + " (#" + record.id() + ")";
            }
        }
        return "#" + record.id();
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
