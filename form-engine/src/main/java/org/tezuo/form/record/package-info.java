/**
 * Records of published entities, validated by the form engine before they are stored: data is checked against a
 * form generated from the entity document and, for records created with a form, against that form version.
 */
@NullMarked
package org.tezuo.form.record;

import org.jspecify.annotations.NullMarked;
