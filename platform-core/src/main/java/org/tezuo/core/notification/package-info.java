/**
 * Notices to users: the in-app inbox and the tenant's notification channels. Other features publish a
 * {@link org.tezuo.core.notification.Notice} as a Spring application event and never talk to a channel themselves.
 */
@NullMarked
package org.tezuo.core.notification;

import org.jspecify.annotations.NullMarked;
