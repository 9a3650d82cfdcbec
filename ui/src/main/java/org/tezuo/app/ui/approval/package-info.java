/**
 * The approver and applicant operations shared by the task page and the permit page: the command facade over the
 * workflow engine's operation services, the operation dialogs and the instance history list.
 */
@NullMarked
package org.tezuo.app.ui.approval;

import org.jspecify.annotations.NullMarked;
