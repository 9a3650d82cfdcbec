package org.tezuo.form.validation;

import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;
import java.util.List;

/**
 * JSON Schema draft 2020-12 plus the form annotations ({@code x-label}, {@code x-widget}...) declared as
 * non-validating keywords. The library validates exactly as with the plain draft; it only stops logging a warning
 * for every annotation of every compiled form. Format assertions are on, as for every schema of the platform.
 */
public final class FormSchemaDialect {

    static final Dialect DRAFT_2020_12 = Dialect.builder(Dialects.getDraft202012())
            .keywords(List.of("x-label", "x-help", "x-patternHint", "x-widget", "x-default", "x-enumLabels",
                            "x-visibleWhen", "x-requiredWhen", "x-computed", "x-unit").stream()
                    .map(NonValidationKeyword::new)
                    .toList())
            .build();

    private FormSchemaDialect() {
    }

    /** Returns a new schema registry configured as the form validator's: draft 2020-12, format assertions on. */
    public static SchemaRegistry registry() {
        return SchemaRegistry.withDefaultDialect(DRAFT_2020_12, builder -> builder.schemaRegistryConfig(
                SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    }
}
