/**
 * Load driver of the main job: virtual users submit hot-work permits through the REST API, approve them through
 * the four-step chain and read the issued e-permit, against the packaged app on 127.0.0.1 and PostgreSQL. The entry
 * point is {@link org.tezuo.benchmarks.load.LoadDriver}; {@code benchmarks/scripts/run-all.sh} runs it.
 */
@NullMarked
package org.tezuo.benchmarks.load;

import org.jspecify.annotations.NullMarked;
