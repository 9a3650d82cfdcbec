/** Load driver of a tenant's registry verification run against the loopback registry stub. */
@NullMarked
package org.tezuo.benchmarks.verification;

import org.jspecify.annotations.NullMarked;
