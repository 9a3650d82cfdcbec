package org.tezuo.core.metadata;

import java.util.List;
import java.util.Locale;
import org.tezuo.metadata.MetaSchemaViolation;
import org.tezuo.metadata.MetadataDocument;

/**
 * A check beyond the meta-schema that a document must pass before it is saved or published: rule expressions
 * that compile, references that resolve, no reference cycles. Modules above platform-core contribute checks as
 * Spring beans; {@link MetadataStore} runs every check that {@link #appliesTo applies} and refuses the save when
 * any problem is found, so a broken document is never stored.
 */
public interface DocumentCheck {

    /** Whether this check looks at documents of {@code candidate}'s kind. */
    boolean appliesTo(MetadataDocument candidate);

    /**
     * Returns every problem of {@code candidate}, each with the JSON path it concerns and a message in
     * {@code locale}; an empty list when the document is acceptable.
     */
    List<MetaSchemaViolation> check(MetadataDocument candidate, Locale locale);
}
