package org.tezuo.core.qualification.warning;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One entry of a ruleset's {@code warnings} array, parsed. Notices and to-dos fire once per certificate and due date
 * when the date they count from is at most {@code offsetDays} away. A freeze fires while the certificate is lapsed
 * (expired, invalid, or past its due date) or fewer than {@code offsetDays} days remain.
 *
 * @param id rule id, part of the key that keeps a warning from being raised twice
 * @param recipients roles the warning goes to; {@link #HOLDER} is the certificate holder
 * @param link link shown with the warning, for example a training enrolment page; {@code {certificateId}} and
 *     {@code {certNumber}} are replaced
 * @param source where the offset comes from (regulation clause or enterprise practice)
 * @param topic topic of the notices sent to the recipients; the tenant's notification settings pick the channels
 * @param escalation for a to-do, whom to notify when it stays unconfirmed; null for none
 * @param countsFrom the date {@code offsetDays} counts back from
 * @param label the rule's name for people, such as 失效当天冻结作业票提交并收回门禁权限; null when the ruleset
 *     gives none
 */
public record WarningRule(String id, int offsetDays, WarningKind kind, List<String> recipients, @Nullable String link,
        Set<WarningAction> actions, String source, String topic, @Nullable Escalation escalation,
        CountsFrom countsFrom, @Nullable Label label) {

    /** Recipient that stands for the certificate holder rather than a role. */
    public static final String HOLDER = "HOLDER";

    /** Notice topic of a rule that names none. */
    public static final String DEFAULT_TOPIC = "qualification.warning";

    /** Notifies the users with {@code role} when a to-do has not been confirmed by every role {@code after} it was raised. */
    public record Escalation(Duration after, String role) {
    }

    /** A rule name in Chinese and, when the ruleset gives one, English. */
    public record Label(String zh, @Nullable String en) {
    }

    /** The date a rule's offset counts back from. */
    public enum CountsFrom {
        /** The next due date: the review due date or the validity end, whichever comes first. */
        DUE_DATE("due-date"),
        /**
         * The first day of the review application window, which the certificate class's lifecycle rule sets as
         * {@code reviewWindowDays} before the due date (30号令 第二十二条: 60 days). Classes without a window never fire.
         */
        REVIEW_WINDOW("review-window");

        private final String code;

        CountsFrom(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        static CountsFrom fromCode(String code) {
            for (CountsFrom value : values()) {
                if (value.code.equals(code)) {
                    return value;
                }
            }
            throw new IllegalArgumentException("Unknown warning countsFrom: " + code);
        }
    }

    public WarningRule {
        recipients = List.copyOf(recipients);
        actions = Set.copyOf(actions);
    }

    /** Creates a rule that counts from the due date and has no label. */
    public WarningRule(String id, int offsetDays, WarningKind kind, List<String> recipients, @Nullable String link,
            Set<WarningAction> actions, String source, String topic, @Nullable Escalation escalation) {
        this(id, offsetDays, kind, recipients, link, actions, source, topic, escalation, CountsFrom.DUE_DATE, null);
    }
}
