package org.tezuo.core.metadata;

import java.util.Optional;
import org.tezuo.metadata.MetadataDocument;

/**
 * Work that must succeed before a draft becomes published, such as migrating the tables of an entity. Steps run
 * inside the publishing transaction, after every {@link DocumentCheck} passed; a step refuses by throwing a
 * {@link org.tezuo.core.i18n.LocalizedException} that names the value and the fix, and the draft then stays a draft.
 */
public interface PublicationStep {

    /** Whether this step acts on {@code draft}. */
    boolean appliesTo(MetadataDocument draft);

    /**
     * Prepares the runtime for {@code draft}; {@code previous} is the version published before it, if any.
     */
    void beforePublish(MetadataDocument draft, Optional<MetadataDocument> previous);
}
