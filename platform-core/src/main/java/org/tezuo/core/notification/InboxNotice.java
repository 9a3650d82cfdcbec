package org.tezuo.core.notification;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A notice in a user's in-app inbox.
 *
 * @param link app-relative path of the page the notice points to, or null
 * @param sender user name of the user whose action the notice reports, or null for a notice of the system
 * @param readAt when the user marked it read, or null while unread
 */
public record InboxNotice(long id, String recipient, String topic, String subject, String body,
        @Nullable String link, @Nullable String sender, Instant createdAt, @Nullable Instant readAt) {

    public boolean unread() {
        return readAt == null;
    }
}
