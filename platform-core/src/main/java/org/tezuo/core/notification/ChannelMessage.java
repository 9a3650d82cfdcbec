package org.tezuo.core.notification;

import org.jspecify.annotations.Nullable;

/**
 * One notice as a channel sends it, with the recipient's addresses. Subject and body are already masked by
 * {@link IdNumberMask}.
 *
 * @param recipientName the display name of the recipient, shown in group messages
 * @param email the recipient's email address, or null when none is recorded
 * @param mobilePhone the recipient's mobile phone number, or null when none is recorded
 * @param link absolute address of the page the notice points to, or null
 */
public record ChannelMessage(long tenantId, long noticeId, String recipient, String recipientName,
        @Nullable String email, @Nullable String mobilePhone, String subject, String body, @Nullable String link) {

    /** Returns the body followed by the link on a line of its own, for the plain-text channels. */
    public String bodyWithLink() {
        return link == null ? body : body + "\n" + link;
    }
}
