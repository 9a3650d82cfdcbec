/** Evaluation of the branch conditions of approval chains, shared by the runtime and approver resolution. */
@NullMarked
package org.tezuo.workflow.condition;

import org.jspecify.annotations.NullMarked;
