/** Running approvals: start, task lists, decisions, history and the extension points the application implements. */
@NullMarked
package org.tezuo.workflow.approval;

import org.jspecify.annotations.NullMarked;
