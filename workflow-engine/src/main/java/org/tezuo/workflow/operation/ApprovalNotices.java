package org.tezuo.workflow.operation;

import java.util.LinkedHashSet;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.tezuo.core.notification.InboxNotice;
import org.tezuo.core.notification.Notice;
import org.tezuo.core.notification.NoticeInbox;
import org.tezuo.core.tenant.UserNames;
import org.tezuo.workflow.approval.ApplicationPages;

/**
 * Sends approval notices through the notification module: one {@link Notice} per recipient, published in the
 * caller's transaction. The module stores it in the recipient's in-app inbox and sends it through every channel
 * the tenant configured for its topic, with retries and the delivery log. The topic is that of the
 * {@link ApprovalNoticeKind}, such as {@code approval.urged}. Texts name users by display name, never by login
 * name.
 */
@Component
public class ApprovalNotices {

    /** Start of the topic of every approval notice. */
    public static final String TOPIC_PREFIX = "approval.";
    /** Page of the approver's to-do list, where urges, reminders and escalations point. */
    static final String TASKS_PAGE = "/tasks";

    private static final Logger log = LoggerFactory.getLogger(ApprovalNotices.class);

    private final ApplicationEventPublisher events;
    private final NoticeInbox inbox;
    private final UserNames names;
    private final ObjectProvider<ApplicationPages> pages;

    ApprovalNotices(ApplicationEventPublisher events, NoticeInbox inbox, UserNames names,
            ObjectProvider<ApplicationPages> pages) {
        this.events = events;
        this.inbox = inbox;
        this.names = names;
        this.pages = pages;
    }

    /** Returns the display name of a user of the approval's tenant, for the texts of notices and history rows. */
    String name(InstanceRef instance, String username) {
        return names.of(instance.tenantId(), username);
    }

    /** Returns the display names of users of the approval's tenant, joined as Chinese lists are. */
    String names(InstanceRef instance, List<String> usernames) {
        return names.join(instance.tenantId(), usernames);
    }

    /**
     * Publishes one notice about the approval to every recipient, in the caller's transaction.
     *
     * @param body the text in the tenant's language; it must hold no personal ID number
     * @param sender the user whose action the notice reports, or null when the system sends it
     * @param link the app-relative page the notice points to, or null
     */
    void send(InstanceRef instance, ApprovalNoticeKind kind, List<String> recipients, String body,
            @Nullable String sender, @Nullable String link) {
        send(new Approval(instance.tenantId(), instance.processInstanceId(), instance.businessKey(),
                instance.flow().name().zh()), kind, recipients, body, sender, link);
    }

    /** Publishes one notice about the approval to every recipient, in the caller's transaction. */
    void send(Approval approval, ApprovalNoticeKind kind, List<String> recipients, String body,
            @Nullable String sender, @Nullable String link) {
        if (recipients.isEmpty()) {
            return;
        }
        String subject = OperationMessages.zh("operation.notice.subject." + kind.name(), approval.flowName(),
                label(approval.tenantId(), approval.businessKey()));
        for (String recipient : new LinkedHashSet<>(recipients)) {
            events.publishEvent(new Notice(approval.tenantId(), recipient, kind.topic(), subject, body, link, sender));
        }
        log.debug("Published {} notice(s) on {} for approval {} of tenant {}", recipients.size(), kind.topic(),
                approval.processInstanceId(), approval.tenantId());
    }

    /** Returns the display name of a user of the tenant. */
    String name(long tenantId, String username) {
        return names.of(tenantId, username);
    }

    /** Returns how notices name the application, such as a permit number, or the business key by default. */
    String label(long tenantId, String businessKey) {
        ApplicationPages resolver = pages.getIfAvailable();
        return resolver == null ? businessKey : resolver.labelOf(tenantId, businessKey);
    }

    /** Returns how notices name the application of the instance. */
    String label(InstanceRef instance) {
        return label(instance.tenantId(), instance.businessKey());
    }

    /** Returns the page of the application for notices to its applicant, or null when the app names none. */
    @Nullable String applicationPage(long tenantId, String businessKey) {
        ApplicationPages resolver = pages.getIfAvailable();
        return resolver == null ? null : resolver.pageOf(tenantId, businessKey).orElse(null);
    }

    /** Returns the page of the application for notices to its applicant, or null when the app names none. */
    @Nullable String applicationPage(InstanceRef instance) {
        return applicationPage(instance.tenantId(), instance.businessKey());
    }

    /** Returns the user's approval notices in the tenant, newest first; they are part of the user's inbox. */
    public List<InboxNotice> forRecipient(long tenantId, String user, boolean unreadOnly) {
        return inbox.list(tenantId, user, unreadOnly, TOPIC_PREFIX);
    }

    /** Marks a notice to the user as read; notices to other users are left alone. */
    public void markRead(long tenantId, long noticeId, String user) {
        inbox.markRead(tenantId, user, noticeId);
    }

    /** The approval a notice is about, as its subject names it. */
    record Approval(long tenantId, String processInstanceId, String businessKey, String flowName) {
    }
}
