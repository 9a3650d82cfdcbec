/**
 * The evidence chain of a permit. Evidence for its control measures (watermarked photos, detector readings,
 * signatures, ticks by a named role) is sealed to the risk items an approver confirms in a per-permit SHA-256
 * chain, which a verifier checks.
 */
@NullMarked
package org.tezuo.app.permit.evidence;

import org.jspecify.annotations.NullMarked;
