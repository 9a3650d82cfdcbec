/**
 * Operations on running approvals beyond approve and reject: return to an earlier step, transfer (转办), delegate
 * (委派), add signers (加签) and remove them (减签), withdrawal, urging (催办), comments with attachments,
 * signatures, time limits, carbon copies and the instance history that records all of them.
 */
@NullMarked
package org.tezuo.workflow.operation;

import org.jspecify.annotations.NullMarked;
