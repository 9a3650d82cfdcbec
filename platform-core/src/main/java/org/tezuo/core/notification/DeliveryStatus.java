package org.tezuo.core.notification;

/** State of one delivery of a notice through one channel. */
public enum DeliveryStatus {
    /** Waiting for its first attempt or for a retry at its next attempt time. */
    PENDING,
    /** Accepted by the channel. */
    SENT,
    /** Failed on every allowed attempt; an administrator may retry it. */
    FAILED
}
