package org.tezuo.app.security;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** Creates users in app_user with encoded passwords, for the demo tenant and for administrators. */
@Component
public class UserAccounts {

    private static final Logger log = LoggerFactory.getLogger(UserAccounts.class);

    private final JdbcClient jdbc;
    private final PasswordEncoder passwordEncoder;

    public UserAccounts(JdbcClient jdbc, PasswordEncoder passwordEncoder) {
        this.jdbc = jdbc;
        this.passwordEncoder = passwordEncoder;
    }

    /**
     * Creates an enabled user and returns it as it will be signed in. The password is stored as
     * {@code {bcrypt}…}; usernames are unique across all tenants.
     *
     * @param roles role codes such as {@code SAFETY_ENGINEER}; at least one
     * @throws IllegalArgumentException when {@code roles} is empty or contains an unknown code
     * @throws org.springframework.dao.DuplicateKeyException when the username is taken
     */
    public CurrentUser create(long tenantId, String username, String rawPassword, String displayName,
            Set<String> roles, @Nullable Long orgUnitId, @Nullable String personIdNumber) {
        Set<Role> parsedRoles = parseRoles(username, roles);
        String storedRoles = parsedRoles.stream()
                .sorted(Comparator.naturalOrder())
                .map(Role::code)
                .collect(Collectors.joining(","));
        GeneratedKeyHolder keys = new GeneratedKeyHolder();

        jdbc.sql("""
                insert into app_user (tenant_id, username, password_hash, display_name, roles, org_unit_id,
                                      person_id_number, enabled)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(tenantId, username, passwordEncoder.encode(rawPassword), displayName, storedRoles, orgUnitId,
                        personIdNumber, true)
                .update(keys, "id");
        long userId = keys.getKeyAs(Number.class).longValue();
        log.info("Created user {} (id {}) in tenant {} with roles {}", username, userId, tenantId, storedRoles);

        return new CurrentUser(userId, tenantId, username, displayName, parsedRoles, orgUnitId, personIdNumber);
    }

    /** Enables or disables sign-in for a user of the tenant; returns whether a row changed. */
    public boolean setEnabled(long tenantId, String username, boolean enabled) {
        return jdbc.sql("update app_user set enabled = ? where tenant_id = ? and username = ?")
                .params(enabled, tenantId, username)
                .update() > 0;
    }

    private static Set<Role> parseRoles(String username, Set<String> codes) {
        if (codes.isEmpty()) {
            throw new IllegalArgumentException("User \"" + username + "\" needs at least one role");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        codes.forEach(code -> roles.add(Role.fromCode(code)));
        return roles;
    }
}
