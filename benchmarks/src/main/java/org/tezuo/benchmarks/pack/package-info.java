/** Policy-pack benchmark: applying a pack of 1,000 rules until the first evaluation on each app node uses it. */
@NullMarked
package org.tezuo.benchmarks.pack;

import org.jspecify.annotations.NullMarked;
