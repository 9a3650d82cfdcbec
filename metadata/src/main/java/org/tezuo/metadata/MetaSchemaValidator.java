package org.tezuo.metadata;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Checks document bodies against the meta-schema of their kind (JSON Schema draft 2020-12, format assertions on).
 * Meta-schemas are parsed once; the validator is thread-safe.
 */
public final class MetaSchemaValidator {

    private final Map<MetadataKind, Schema> schemas = new EnumMap<>(MetadataKind.class);

    public MetaSchemaValidator() {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaRegistryConfig(
                        SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
        for (MetadataKind kind : MetadataKind.values()) {
            schemas.put(kind, load(registry, kind));
        }
    }

    private static Schema load(SchemaRegistry registry, MetadataKind kind) {
        try (InputStream in = MetaSchemaValidator.class.getResourceAsStream(kind.metaSchemaResource())) {
            if (in == null) {
                throw new IllegalStateException("Meta-schema resource is missing: " + kind.metaSchemaResource());
            }
            return registry.getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns every violation of {@code body} against the meta-schema of {@code kind}, in {@code locale}. */
    public List<MetaSchemaViolation> validate(MetadataKind kind, JsonNode body, Locale locale) {
        List<Error> errors = schemas.get(kind).validate(body, context -> context.executionConfig(
                config -> config.locale(locale).formatAssertionsEnabled(true)));
        return errors.stream()
                .map(error -> new MetaSchemaViolation(error.getInstanceLocation().toString(), error.getMessage()))
                .toList();
    }

    /** Throws {@link InvalidMetadataException} when {@code body} breaks the meta-schema of {@code kind}. */
    public void check(MetadataKind kind, String reference, JsonNode body, Locale locale) {
        List<MetaSchemaViolation> violations = validate(kind, body, locale);
        if (!violations.isEmpty()) {
            throw new InvalidMetadataException(reference, violations);
        }
    }
}
