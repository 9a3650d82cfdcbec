package org.tezuo.app.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tezuo.app.security.CurrentUser;
import org.tezuo.app.security.Role;
import org.tezuo.core.i18n.UserMessages;
import org.tezuo.core.notification.Delivery;
import org.tezuo.core.notification.DeliveryDispatcher;
import org.tezuo.core.notification.DeliveryFailedException;
import org.tezuo.core.notification.DeliveryNotRetryableException;
import org.tezuo.core.notification.DeliveryOutbox;
import org.tezuo.core.notification.DeliveryStatus;
import org.tezuo.core.notification.InboxNotice;
import org.tezuo.core.notification.NoticeInbox;
import org.tezuo.core.tenant.UserNames;

/** The caller's in-app inbox, and the notice deliveries of the tenant for administrators. */
@RestController
@RequestMapping("/api/notifications")
@Tag(name = "notifications", description = "站内通知与通知投递")
class NotificationApi {

    private final ApiCaller caller;
    private final NoticeInbox inbox;
    private final DeliveryOutbox outbox;
    private final DeliveryDispatcher dispatcher;
    private final UserNames names;

    NotificationApi(ApiCaller caller, NoticeInbox inbox, DeliveryOutbox outbox, DeliveryDispatcher dispatcher,
            UserNames names) {
        this.caller = caller;
        this.inbox = inbox;
        this.outbox = outbox;
        this.dispatcher = dispatcher;
        this.names = names;
    }

    /** A notice of the caller's inbox with the sender's display name. */
    record InboxNoticeView(long id, String topic, String subject, String body, @Nullable String link,
            @Nullable String sender, @Nullable String senderName, Instant createdAt, @Nullable Instant readAt) {

        static InboxNoticeView of(InboxNotice notice, Map<String, String> names) {
            String sender = notice.sender();
            return new InboxNoticeView(notice.id(), notice.topic(), notice.subject(), notice.body(), notice.link(),
                    sender, sender == null ? null : names.getOrDefault(sender, sender), notice.createdAt(),
                    notice.readAt());
        }
    }

    /** A delivery with the recipient's display name and its last error rendered in the caller's language. */
    record DeliveryView(long id, long noticeId, String recipient, String recipientName, String topic, String subject,
            String connectorKey, String channel, DeliveryStatus status, int attempts, Instant nextAttemptAt,
            @Nullable String lastError, Instant createdAt, @Nullable Instant sentAt) {

        static DeliveryView of(Delivery delivery, Map<String, String> names, Locale locale) {
            return new DeliveryView(delivery.id(), delivery.noticeId(), delivery.recipient(),
                    names.getOrDefault(delivery.recipient(), delivery.recipient()), delivery.topic(),
                    delivery.subject(), delivery.connectorKey(), delivery.channel(), delivery.status(),
                    delivery.attempts(), delivery.nextAttemptAt(), delivery.lastError(locale), delivery.createdAt(),
                    delivery.sentAt());
        }
    }

    /** Number of unread notices. */
    record UnreadCount(int unread) {
    }

    @GetMapping("/inbox")
    @Operation(summary = "我的站内通知，最新在前；unreadOnly=true 只看未读")
    List<InboxNoticeView> inbox(@RequestParam(defaultValue = "false") boolean unreadOnly) {
        CurrentUser user = caller.user();
        List<InboxNotice> notices = inbox.list(user.tenantId(), user.username(), unreadOnly);
        Map<String, String> senderNames = names.of(user.tenantId(),
                notices.stream().map(InboxNotice::sender).filter(Objects::nonNull).toList());
        return notices.stream().map(notice -> InboxNoticeView.of(notice, senderNames)).toList();
    }

    @GetMapping("/inbox/unread-count")
    @Operation(summary = "我的未读通知数")
    UnreadCount unreadCount() {
        CurrentUser user = caller.user();
        return new UnreadCount(inbox.unreadCount(user.tenantId(), user.username()));
    }

    @PostMapping("/inbox/{noticeId}/read")
    @Operation(summary = "将我的一条通知标为已读")
    ResponseEntity<Void> markRead(@PathVariable long noticeId) {
        CurrentUser user = caller.user();
        if (!inbox.markRead(user.tenantId(), user.username(), noticeId)
                && inbox.list(user.tenantId(), user.username(), false).stream().noneMatch(n -> n.id() == noticeId)) {
            throw new NotFoundException(subject("notice.subject"), String.valueOf(noticeId));
        }
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/deliveries")
    @Operation(summary = "通知投递记录（管理员）：status=FAILED 为已放弃的投递，PENDING 为排队或等待重试")
    List<DeliveryView> deliveries(@RequestParam(required = false) @Nullable DeliveryStatus status) {
        long tenantId = caller.requireAnyRole(Role.SYSTEM_ADMIN, Role.SAFETY_DIRECTOR);
        Locale locale = ApiCaller.locale();
        List<Delivery> deliveries = outbox.list(tenantId, status);
        Map<String, String> recipientNames = names.of(tenantId, deliveries.stream().map(Delivery::recipient).toList());
        return deliveries.stream().map(delivery -> DeliveryView.of(delivery, recipientNames, locale)).toList();
    }

    @PostMapping("/deliveries/{deliveryId}/retry")
    @Operation(summary = "立即重试一条失败的投递（管理员）")
    ResponseEntity<Void> retry(@PathVariable long deliveryId) {
        long tenantId = caller.requireAnyRole(Role.SYSTEM_ADMIN, Role.SAFETY_DIRECTOR);
        Delivery delivery = outbox.find(tenantId, deliveryId)
                .orElseThrow(() -> new NotFoundException(subject("delivery.subject"), String.valueOf(deliveryId)));
        if (!outbox.retry(tenantId, deliveryId, caller.user().username())) {
            throw new DeliveryNotRetryableException(deliveryId, delivery.status());
        }
        dispatcher.dispatchSoon();
        return ResponseEntity.accepted().build();
    }

    private static String subject(String key) {
        return UserMessages.render(DeliveryFailedException.BUNDLE, ApiCaller.locale(), key);
    }
}
