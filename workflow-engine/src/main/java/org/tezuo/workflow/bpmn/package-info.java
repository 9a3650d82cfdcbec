/** Compilation of approval chains to BPMN 2.0 XML with diagram interchange. */
@NullMarked
package org.tezuo.workflow.bpmn;

import org.jspecify.annotations.NullMarked;
