package org.tezuo.core.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The in-app inbox: every notice a user of a tenant received, read or unread. */
@Component
public class NoticeInbox {

    /** Largest number of notices one listing returns. */
    public static final int MAX_LISTED = 500;

    private final JdbcClient jdbc;
    private final Clock clock;

    public NoticeInbox(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Returns the user's newest notices, at most {@link #MAX_LISTED}, only the unread ones if asked. */
    public List<InboxNotice> list(long tenantId, String user, boolean unreadOnly) {
        return list(tenantId, user, unreadOnly, "");
    }

    /**
     * Returns the user's newest notices whose topic starts with {@code topicPrefix} (such as {@code approval.}), at
     * most {@link #MAX_LISTED}, only the unread ones if asked.
     */
    public List<InboxNotice> list(long tenantId, String user, boolean unreadOnly, String topicPrefix) {
        return jdbc.sql("""
                select * from notice where tenant_id = ? and recipient = ? and (? = false or read_at is null)
                  and topic like ?
                order by id desc limit ?""")
                .params(tenantId, user, unreadOnly, likePrefix(topicPrefix), MAX_LISTED)
                .query((rs, row) -> new InboxNotice(rs.getLong("id"), rs.getString("recipient"),
                        rs.getString("topic"), rs.getString("subject"), rs.getString("body"), rs.getString("link"),
                        rs.getString("sender"), rs.getTimestamp("created_at").toInstant(),
                        Optional.ofNullable(rs.getTimestamp("read_at")).map(Timestamp::toInstant).orElse(null)))
                .list();
    }

    /** Returns how many unread notices the user has. */
    public int unreadCount(long tenantId, String user) {
        return jdbc.sql("select count(*) from notice where tenant_id = ? and recipient = ? and read_at is null")
                .params(tenantId, user)
                .query(Integer.class)
                .single();
    }

    /** Marks a notice of the user read; returns false when the user has no unread notice with that id. */
    public boolean markRead(long tenantId, String user, long noticeId) {
        return jdbc.sql("""
                update notice set read_at = ? where tenant_id = ? and recipient = ? and id = ? and read_at is null""")
                .params(Timestamp.from(clock.instant()), tenantId, user, noticeId)
                .update() == 1;
    }

    /** Returns a LIKE pattern matching text that starts with {@code prefix}, with its wildcards escaped. */
    private static String likePrefix(String prefix) {
        return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
