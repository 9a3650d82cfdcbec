/** Risk evaluation of a permit: a compiled ruleset applied to the permit, live weather and gas readings. */
@NullMarked
package org.tezuo.core.risk;

import org.jspecify.annotations.NullMarked;
