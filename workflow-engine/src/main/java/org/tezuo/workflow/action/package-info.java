/**
 * Platform actions that compiled chains call from BPMN service tasks: gate checks, carbon copies, notifications and
 * time-limit steps. The BPMN names an action only by its code, through the single {@link
 * org.tezuo.workflow.action.FlowActionDelegate} bean, so a process never reaches arbitrary beans or scripts.
 */
@NullMarked
package org.tezuo.workflow.action;

import org.jspecify.annotations.NullMarked;
