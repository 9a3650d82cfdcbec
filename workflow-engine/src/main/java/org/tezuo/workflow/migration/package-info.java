/** Moving running approvals from the chain version they started on to a later published version. */
@NullMarked
package org.tezuo.workflow.migration;

import org.jspecify.annotations.NullMarked;
