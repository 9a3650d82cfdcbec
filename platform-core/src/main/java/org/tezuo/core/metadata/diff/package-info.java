/**
 * Field-level comparison of two bodies of a metadata document: per form field and layout section for forms, per
 * field for entities, per rule id for the rules of rulesets, and per JSON pointer for everything else.
 */
@NullMarked
package org.tezuo.core.metadata.diff;

import org.jspecify.annotations.NullMarked;
