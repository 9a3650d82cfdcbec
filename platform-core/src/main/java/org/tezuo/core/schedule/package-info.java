/**
 * Scheduled jobs declared by schedule documents (nightly certificate verification, certificate warnings), registered
 * per tenant with cron triggers in each document's zone, plus a "run now" entry point.
 */
@NullMarked
package org.tezuo.core.schedule;

import org.jspecify.annotations.NullMarked;
