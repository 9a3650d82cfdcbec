/** Per-tenant, idempotent deployment of compiled approval chains to Flowable. */
@NullMarked
package org.tezuo.workflow.deploy;

import org.jspecify.annotations.NullMarked;
