package org.tezuo.core.qualification;

/**
 * How precisely a ledger or the registry gave a date. A month-only date is stored as the last day of the month
 * for end dates and the first day for start dates, and keeps {@link #MONTH} so screens can show it as found.
 */
public enum DatePrecision {
    DAY,
    MONTH
}
