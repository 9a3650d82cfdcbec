/**
 * The standards configuration center: the thresholds of the published rulesets by kind of work, the physical range
 * of each unit, enterprise overrides with reason, source and history, and where each threshold is read.
 */
@NullMarked
package org.tezuo.core.standard;

import org.jspecify.annotations.NullMarked;
