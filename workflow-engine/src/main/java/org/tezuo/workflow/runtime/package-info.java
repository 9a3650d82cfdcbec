/**
 * The beans that compiled chains call from expressions while they run: branch conditions, the closing rule of
 * multi-instance approver nodes and timer dates on the engine clock.
 */
@NullMarked
package org.tezuo.workflow.runtime;

import org.jspecify.annotations.NullMarked;
