/**
 * Field-level comparison of two bodies of a metadata document: per form field and layout section for forms, per
 * field for entities, and per JSON pointer for every other kind.
 */
@NullMarked
package org.tezuo.core.metadata.diff;

import org.jspecify.annotations.NullMarked;
