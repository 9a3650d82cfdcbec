package org.tezuo.form.validation;

import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;
import java.util.List;

/**
 * JSON Schema draft 2020-12 plus the form annotations ({@code x-label}, {@code x-widget}...) declared as
 * non-validating keywords. The library validates exactly as with the plain draft; it only stops logging a warning
 * for every annotation of every compiled form.
 */
final class FormSchemaDialect {

    static final Dialect DRAFT_2020_12 = Dialect.builder(Dialects.getDraft202012())
            .keywords(List.of("x-label", "x-help", "x-patternHint", "x-widget", "x-default", "x-enumLabels").stream()
                    .map(NonValidationKeyword::new)
                    .toList())
            .build();

    private FormSchemaDialect() {
    }
}
