package org.tezuo.workflow.approval;

/**
 * The sizes of a user's inbox lists, for badges.
 *
 * @param todo open tasks the user can act on
 * @param done tasks the user completed
 * @param copied carbon copies to the user
 * @param copiedUnread carbon copies the user has not opened
 */
public record InboxCounts(long todo, long done, long copied, long copiedUnread) {
}
