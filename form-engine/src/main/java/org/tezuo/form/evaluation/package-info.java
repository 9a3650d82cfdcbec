/**
 * Evaluation of a form's conditions and computed fields over one set of data, shared by the server validator and
 * the Vaadin renderer. A renderer calls {@link org.tezuo.form.evaluation.FormEvaluator#evaluate} after each change
 * with an {@link org.tezuo.form.evaluation.EvaluationContext} of the current user, org unit, time, zone and
 * locale, then shows, hides and marks inputs by {@link org.tezuo.form.evaluation.FormState}'s dotted paths
 * ({@code gasAnalyses.0.point}) and shows {@link org.tezuo.form.evaluation.FormState#computedValues()} read-only.
 */
@NullMarked
package org.tezuo.form.evaluation;

import org.jspecify.annotations.NullMarked;
