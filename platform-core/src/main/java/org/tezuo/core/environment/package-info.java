/** Gas detector readings and the flammable-gas data needed to compare them with permit limits. */
@NullMarked
package org.tezuo.core.environment;

import org.jspecify.annotations.NullMarked;
