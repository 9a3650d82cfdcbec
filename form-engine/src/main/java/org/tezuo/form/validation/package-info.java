/**
 * Server-side validation of form data: JSON Schema errors and cross-field rules, each reported as a
 * {@link org.tezuo.form.validation.FieldError} in the user's language and named by the field labels.
 */
@NullMarked
package org.tezuo.form.validation;

import org.jspecify.annotations.NullMarked;
