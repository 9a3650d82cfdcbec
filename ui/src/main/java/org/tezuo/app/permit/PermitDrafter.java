package org.tezuo.app.permit;

import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tezuo.app.api.NotFoundException;
import org.tezuo.core.audit.AuditLog;
import org.tezuo.core.i18n.LocalizedException;
import org.tezuo.core.metadata.MetadataStore;
import org.tezuo.core.tenant.TenantDirectory;
import org.tezuo.form.defaults.FormDefaults;
import org.tezuo.form.defaults.InitialDataContext;
import org.tezuo.form.definition.FormDefinition;
import org.tezuo.form.definition.FormDefinitionParser;
import org.tezuo.metadata.MetadataDocument;
import org.tezuo.metadata.MetadataKind;
import org.tezuo.templates.IndustryTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Creates and edits permit drafts. A draft pins the form version that is published when it is created; it is
 * validated in full only on submission.
 */
@Component
public class PermitDrafter {

    private final PermitTypes permitTypes;
    private final MetadataStore metadata;
    private final FormDefinitionParser formParser;
    private final FormDefaults formDefaults;
    private final PermitStore permits;
    private final TenantDirectory tenants;
    private final AuditLog audit;

    PermitDrafter(PermitTypes permitTypes, MetadataStore metadata, FormDefinitionParser formParser,
            FormDefaults formDefaults, PermitStore permits, TenantDirectory tenants, AuditLog audit) {
        this.permitTypes = permitTypes;
        this.metadata = metadata;
        this.formParser = formParser;
        this.formDefaults = formDefaults;
        this.permits = permits;
        this.tenants = tenants;
        this.audit = audit;
    }

    /** Returns the published form of a permit type, parsed. */
    public FormDefinition currentForm(long tenantId, String type) {
        IndustryTemplate.PermitType permitType = permitTypes.require(tenantId, type);
        return formParser.parse(metadata.requirePublished(tenantId, MetadataKind.FORM, permitType.form()));
    }

    /** Returns the exact form version a permit was created under. */
    public FormDefinition formOf(Permit permit) {
        MetadataDocument document = metadata.find(permit.tenantId(), MetadataKind.FORM, permit.formKey(),
                permit.formVersion()).orElseThrow();
        return formParser.parse(document);
    }

    /** Returns the initial data of a new permit of this type for the actor: schema defaults and context values. */
    public ObjectNode initialData(Actor actor, String type) {
        return formDefaults.initialData(currentForm(actor.tenantId(), type),
                new InitialDataContext(actor.username(), tenants.require(actor.tenantId()).zone()));
    }

    /** Creates a draft; {@code data} must be a JSON object and is stored as given, the applicant is the actor. */
    @Transactional
    public Permit create(Actor actor, String type, JsonNode data) {
        IndustryTemplate.PermitType permitType = permitTypes.require(actor.tenantId(), type);
        MetadataDocument form = metadata.requirePublished(actor.tenantId(), MetadataKind.FORM, permitType.form());
        ObjectNode stored = requireObject(data);
        stored.put("applicant", actor.username());
        long id = permits.insertDraft(actor.tenantId(), type, form.key(), form.version(), permitType.flow(),
                permitType.ruleset(), actor.username(), stored);
        audit.append(actor.tenantId(), actor.username(), "permit.create", "permit", String.valueOf(id), null,
                Map.of("type", type, "form", form.reference()));
        return permits.find(actor.tenantId(), id).orElseThrow();
    }

    /** Replaces the data of a draft or returned permit of the actor. */
    @Transactional
    public Permit update(Actor actor, long permitId, JsonNode data) {
        Permit permit = requireOwnEditable(actor, permitId);
        ObjectNode stored = requireObject(data);
        stored.put("applicant", actor.username());
        permits.updateData(actor.tenantId(), permitId, stored);
        audit.append(actor.tenantId(), actor.username(), "permit.update", "permit", String.valueOf(permitId),
                permit.data(), stored);
        return permits.find(actor.tenantId(), permitId).orElseThrow();
    }

    Permit requireOwnEditable(Actor actor, long permitId) {
        Permit permit = permits.find(actor.tenantId(), permitId)
                .orElseThrow(() -> new NotFoundException("作业票", permitId));
        if (!permit.applicant().equals(actor.username())) {
            throw new LocalizedException("permit.notApplicant", permitId, permit.applicant());
        }
        if (permit.status() != PermitStatus.DRAFT && permit.status() != PermitStatus.RETURNED) {
            throw new LocalizedException("permit.notEditable", permitId, permit.status().zh());
        }
        return permit;
    }

    private static ObjectNode requireObject(JsonNode data) {
        if (!(data instanceof ObjectNode object)) {
            throw new LocalizedException("permit.dataNotObject", data.getNodeType().name());
        }
        return object.deepCopy();
    }
}
