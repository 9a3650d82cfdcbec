package org.tezuo.form.record;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tezuo.core.entity.EntityCatalog;
import org.tezuo.core.entity.EntityDefinition;
import org.tezuo.core.entity.EntityField;
import org.tezuo.core.entity.EntityFieldType;
import org.tezuo.core.entity.PublishedEntity;
import org.tezuo.core.i18n.UserMessages;
import org.tezuo.core.metadata.MetadataNotFoundException;
import org.tezuo.core.metadata.MetadataStore;
import org.tezuo.core.record.FormReference;
import org.tezuo.core.record.RecordEntities;
import org.tezuo.core.record.RecordPage;
import org.tezuo.core.record.RecordQuery;
import org.tezuo.core.record.RecordStore;
import org.tezuo.core.record.StoredRecord;
import org.tezuo.core.tenant.TenantDirectory;
import org.tezuo.form.definition.FormDefinition;
import org.tezuo.form.definition.FormDefinitionParser;
import org.tezuo.form.evaluation.EvaluationContext;
import org.tezuo.form.validation.FieldError;
import org.tezuo.form.validation.FormValidation;
import org.tezuo.form.validation.FormValidator;
import org.tezuo.metadata.MetadataDocument;
import org.tezuo.metadata.MetadataKind;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Creates, reads, updates, deletes and lists the records of published entities, validating data with the form
 * engine before every write. Data is checked against a form generated from the entity document. A record created
 * with a form is also checked against that form version on creation and on every later update, even after a newer
 * version of the form is published. Referenced records must exist in the same tenant. Every write publishes a
 * {@link RecordWritten} event in its transaction.
 */
@Component
public class RecordService {

    private final RecordEntities entities;
    private final RecordStore store;
    private final EntityCatalog catalog;
    private final MetadataStore metadata;
    private final FormDefinitionParser formParser;
    private final FormValidator validator;
    private final TenantDirectory tenants;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public RecordService(RecordEntities entities, RecordStore store, EntityCatalog catalog, MetadataStore metadata,
            FormDefinitionParser formParser, FormValidator validator, TenantDirectory tenants,
            ApplicationEventPublisher events, Clock clock) {
        this.entities = entities;
        this.store = store;
        this.catalog = catalog;
        this.metadata = metadata;
        this.formParser = formParser;
        this.validator = validator;
        this.tenants = tenants;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Validates and stores a new record.
     *
     * @param formKey key of a published form to validate with and to pin on the record, or null
     * @throws RecordValidationException listing every problem, in {@code locale}
     */
    @Transactional
    public StoredRecord create(long tenantId, String entityName, JsonNode data, @Nullable String formKey,
            String actor, Locale locale) {
        PublishedEntity entity = entities.require(tenantId, entityName);
        FormReference form = null;
        if (formKey != null) {
            MetadataDocument document = metadata.requirePublished(tenantId, MetadataKind.FORM, formKey);
            form = new FormReference(formKey, document.version());
        }
        ObjectNode values = withDefaults(entity.definition(), withoutNulls(data));
        StoredRecord created = store.create(entity, validate(entity, values, form, null, actor, locale), form, actor);
        publishWritten(entity, created.id(), RecordWritten.Change.CREATED);
        return created;
    }

    /** Returns a live record; see {@link RecordStore#require}. */
    public StoredRecord read(long tenantId, String entityName, long id) {
        return store.require(entities.require(tenantId, entityName), id);
    }

    /**
     * Validates and replaces the data of a record, with the form version the record was created with.
     *
     * @throws RecordValidationException listing every problem, in {@code locale}
     */
    @Transactional
    public StoredRecord update(long tenantId, String entityName, long id, int rowVersion, JsonNode data,
            String actor, Locale locale) {
        PublishedEntity entity = entities.require(tenantId, entityName);
        StoredRecord current = store.require(entity, id);
        FormReference form = current.formKey() == null || current.formVersion() == null ? null
                : new FormReference(current.formKey(), current.formVersion());
        ObjectNode values = withoutNulls(data);
        StoredRecord updated = store.update(entity, id, rowVersion, validate(entity, values, form, id, actor, locale),
                actor);
        publishWritten(entity, id, RecordWritten.Change.UPDATED);
        return updated;
    }

    /** Soft-deletes a record. */
    @Transactional
    public void delete(long tenantId, String entityName, long id, @Nullable Integer rowVersion, String actor) {
        PublishedEntity entity = entities.require(tenantId, entityName);
        store.delete(entity, id, rowVersion, actor);
        publishWritten(entity, id, RecordWritten.Change.DELETED);
    }

    private void publishWritten(PublishedEntity entity, long id, RecordWritten.Change change) {
        events.publishEvent(new RecordWritten(entity.tenantId(), entity.key(), id, change));
    }

    /**
     * Returns the form generated from the newest published version of an entity: the form that shows and
     * validates a record written without a form of its own.
     */
    public FormDefinition entityForm(long tenantId, String entityName) {
        return entityForm(entities.require(tenantId, entityName));
    }

    /** Returns one page of live records. */
    public RecordPage list(long tenantId, String entityName, RecordQuery query) {
        return store.list(entities.require(tenantId, entityName), query);
    }

    /**
     * Validates {@code values} with the pinned form version, if any, and with the entity, and returns the values to
     * store: with a form, its normalized data (hidden fields dropped, computed fields recomputed by the server).
     *
     * @param recordId the record being updated, or null for a new one
     * @throws RecordValidationException listing every problem
     */
    private ObjectNode validate(PublishedEntity entity, ObjectNode values, @Nullable FormReference form,
            @Nullable Long recordId, String actor, Locale locale) {
        ZoneId zone = tenants.require(entity.tenantId()).zone();
        List<FieldError> errors = new ArrayList<>();
        ObjectNode entityValues = values;
        if (form != null) {
            FormDefinition definition = formParser.parse(metadata.find(entity.tenantId(), MetadataKind.FORM,
                    form.key(), form.version()).orElseThrow(() -> new MetadataNotFoundException(MetadataKind.FORM,
                    form.key())));
            FormValidation validation = validator.validate(definition, values,
                    new EvaluationContext(actor, null, clock.instant(), zone, locale));
            errors.addAll(validation.errors());
            entityValues = onlyEntityFields(entity.definition(), validation.data());
        }
        Set<String> reported = new HashSet<>();
        errors.forEach(error -> reported.add(error.path()));
        FormDefinition entityForm = entityForm(entity);
        for (FieldError error : validator.validate(entityForm, entityValues, locale, zone)) {
            if (reported.add(error.path())) {
                errors.add(error);
            }
        }
        if (errors.isEmpty()) {
            checkDecimalsAndReferences(entity, entityValues, locale, errors);
        }
        if (errors.isEmpty()) {
            Optional<RecordStore.Duplicate> duplicate = store.findDuplicate(entity, entityValues, recordId);
            if (duplicate.isPresent()) {
                errors.add(duplicateError(entity, duplicate.get(), entityValues, locale));
            }
        }
        if (!errors.isEmpty()) {
            throw new RecordValidationException(entity.definition().label(locale), errors);
        }
        return entityValues;
    }

    private static FieldError duplicateError(PublishedEntity entity, RecordStore.Duplicate duplicate,
            ObjectNode values, Locale locale) {
        List<EntityField> fields = duplicate.fields().stream()
                .map(name -> entity.definition().fields().stream().filter(field -> field.name().equals(name))
                        .findFirst().orElseThrow())
                .toList();
        String labels = String.join("、", fields.stream().map(field -> field.label(locale)).toList());
        String shown = String.join("、", fields.stream().map(field -> values.path(field.name()).asString()).toList());
        return error("$." + fields.getFirst().name(), fields.getFirst().label(locale), locale, "record.error.duplicate",
                labels, shown, String.valueOf(duplicate.recordId()));
    }

    private FormDefinition entityForm(PublishedEntity entity) {
        Map<String, JsonNode> dictionaries = new HashMap<>();
        for (EntityField field : allFields(entity.definition().fields())) {
            String key = field.dictionary();
            if (key != null) {
                catalog.publishedDictionary(entity.tenantId(), key).ifPresent(body -> dictionaries.put(key, body));
            }
        }
        ObjectNode body = new EntityFormBuilder(dictionaries).formBody(entity.definition());
        return formParser.parse("entity-" + entity.key(), entity.version(), body);
    }

    /**
     * Checks what JSON Schema cannot: decimal digits against precision and scale, referenced records, and that
     * org units and persons exist in the tenant.
     * NOTE: only top-level fields are checked; decimals and references in table rows are not.
     */
    private void checkDecimalsAndReferences(PublishedEntity entity, ObjectNode values, Locale locale,
            List<FieldError> errors) {
        for (EntityField field : entity.definition().fields()) {
            JsonNode value = values.get(field.name());
            if (value == null) {
                continue;
            }
            String path = "$." + field.name();
            String label = field.label(locale);
            if (field.type() == EntityFieldType.DECIMAL) {
                BigDecimal number = value.decimalValue().stripTrailingZeros();
                if (number.scale() > field.effectiveScale()) {
                    errors.add(error(path, label, locale, "record.error.scale", label, number.toPlainString(),
                            field.effectiveScale()));
                } else if (number.precision() - number.scale() > field.effectivePrecision() - field.effectiveScale()) {
                    errors.add(error(path, label, locale, "record.error.precision", label, number.toPlainString(),
                            field.effectivePrecision() - field.effectiveScale()));
                }
            }
            if (field.type() == EntityFieldType.ORG_UNIT && !store.orgUnitExists(entity.tenantId(), value.asString())) {
                errors.add(error(path, label, locale, "record.error.orgUnitMissing", label, value.asString()));
            }
            if (field.type() == EntityFieldType.PERSON && !store.userExists(entity.tenantId(), value.asString())) {
                errors.add(error(path, label, locale, "record.error.personMissing", label, value.asString()));
            }
            String target = field.target();
            if (field.type() == EntityFieldType.REFERENCE && target != null) {
                PublishedEntity targetEntity = entities.require(entity.tenantId(), target);
                if (!store.exists(targetEntity, value.asLong())) {
                    errors.add(error(path, label, locale, "record.error.referenceMissing", label,
                            targetEntity.definition().label(locale), String.valueOf(value.asLong())));
                }
            }
        }
    }

    private static FieldError error(String path, String label, Locale locale, String key, Object... arguments) {
        return new FieldError(path, label, UserMessages.render(EntityFormBuilder.BUNDLE, locale, key, arguments));
    }

    private static ObjectNode withDefaults(EntityDefinition entity, ObjectNode values) {
        for (EntityField field : entity.fields()) {
            JsonNode defaultValue = field.defaultValue();
            if (defaultValue != null && !values.has(field.name())) {
                values.set(field.name(), defaultValue.deepCopy());
            }
        }
        return values;
    }

    /**
     * Treats a JSON null like a missing value, at the top level and in table rows, and strips white space around
     * top-level text as the form renderer does, so " QJ-1 " cannot slip past a unique "QJ-1".
     */
    private static ObjectNode withoutNulls(JsonNode data) {
        ObjectNode copy = data.isObject() ? (ObjectNode) data.deepCopy() : tools.jackson.databind.node
                .JsonNodeFactory.instance.objectNode();
        List<String> nulls = new ArrayList<>();
        Map<String, String> stripped = new HashMap<>();
        copy.forEachEntry((name, value) -> {
            if (value.isNull()) {
                nulls.add(name);
            } else if (value.isString() && !value.asString().equals(value.asString().strip())) {
                stripped.put(name, value.asString().strip());
            } else if (value.isArray()) {
                value.forEach(row -> {
                    if (row.isObject()) {
                        List<String> rowNulls = new ArrayList<>();
                        row.forEachEntry((column, cell) -> {
                            if (cell.isNull()) {
                                rowNulls.add(column);
                            }
                        });
                        rowNulls.forEach(((ObjectNode) row)::remove);
                    }
                });
            }
        });
        nulls.forEach(copy::remove);
        stripped.forEach(copy::put);
        return copy;
    }

    private static ObjectNode onlyEntityFields(EntityDefinition entity, ObjectNode values) {
        ObjectNode projected = values.objectNode();
        entity.fields().forEach(field -> {
            if (values.has(field.name())) {
                projected.set(field.name(), values.get(field.name()));
            }
        });
        return projected;
    }

    private static List<EntityField> allFields(List<EntityField> fields) {
        List<EntityField> all = new ArrayList<>(fields);
        fields.forEach(field -> all.addAll(field.columns()));
        return all;
    }
}
