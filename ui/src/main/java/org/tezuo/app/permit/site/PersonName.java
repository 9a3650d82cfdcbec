package org.tezuo.app.permit.site;

import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.tezuo.app.org.OrgDirectory;

/**
 * A user as site and presence messages name them: the display name, such as 张三. The user name follows in brackets
 * only when another enabled user of the tenant has the same display name, such as 张三（zhangsan）.
 *
 * @param displayName the display name, or the user name of a user the tenant does not have
 * @param username the user name to show after the display name, or null when the display name is unique
 */
public record PersonName(String displayName, @Nullable String username) implements SiteText {

    /** Looks the user up in the tenant's directory. */
    public static PersonName of(OrgDirectory directory, long tenantId, String username) {
        return directory.user(tenantId, username)
                .map(user -> new PersonName(user.displayName(),
                        directory.sharesDisplayName(user) ? user.username() : null))
                .orElseGet(() -> new PersonName(username, null));
    }

    @Override
    public String text(Locale locale) {
        return username == null ? displayName : SiteText.render(locale, "site.person.withUsername", displayName,
                username);
    }
}
