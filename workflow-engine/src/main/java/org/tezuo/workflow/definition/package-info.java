/** The immutable approval-chain model parsed from flow documents. */
@NullMarked
package org.tezuo.workflow.definition;

import org.jspecify.annotations.NullMarked;
