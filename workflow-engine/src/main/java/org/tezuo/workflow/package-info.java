/** Approval chains: flow documents parsed, compiled to BPMN 2.0 and run on the Flowable engine per tenant. */
@NullMarked
package org.tezuo.workflow;

import org.jspecify.annotations.NullMarked;
