/**
 * Simultaneous operations (SIMOPS): conflicts between a permit and the other permits of its tenant that are in
 * flight or on site, and the releases in the site activity register, checked at submission and at start and
 * resume on site.
 */
@NullMarked
package org.tezuo.app.permit.simops;

import org.jspecify.annotations.NullMarked;
