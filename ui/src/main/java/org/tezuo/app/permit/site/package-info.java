/**
 * The life of an issued permit on site: acceptance by the work leader, gas tests, the shift leader's check before
 * hot work, start, suspension and resumption, extension, shift hand-over, closing and cancellation. The permit row
 * stays {@code ISSUED}; the site state, its timeline and periodic re-tests live in tables of their own. The values
 * that decide a transition are rules and thresholds of the permit's ruleset.
 */
@NullMarked
package org.tezuo.app.permit.site;

import org.jspecify.annotations.NullMarked;
