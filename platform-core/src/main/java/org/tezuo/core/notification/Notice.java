package org.tezuo.core.notification;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A message to one user of a tenant, published with Spring's {@code ApplicationEventPublisher} inside the
 * transaction of the change it reports. The notification feature stores it in the recipient's in-app inbox in
 * that transaction and sends it through the channels the tenant configured for its topic once the transaction
 * commits. A change that rolls back sends no notice.
 *
 * @param tenantId the tenant of the recipient
 * @param recipient the recipient's user name
 * @param topic what the notice is about, such as {@code qualification.warning} or {@code report.health}; the
 *     tenant's channel settings are chosen by topic
 * @param subject one line in the tenant's language
 * @param body plain text in the tenant's language; it must never hold a personal ID number
 * @param link the page the notice points to, as an app-relative path such as {@code /persons/42}, or null
 * @param sender the user name of the user whose action the notice reports, such as the applicant who urged an
 *     approval, or null for a notice of the system
 */
public record Notice(long tenantId, String recipient, String topic, String subject, String body,
        @Nullable String link, @Nullable String sender) {

    public Notice {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
    }

    /** Creates a notice of the system, which names no sender. */
    public Notice(long tenantId, String recipient, String topic, String subject, String body, @Nullable String link) {
        this(tenantId, recipient, topic, subject, body, link, null);
    }
}
