package org.tezuo.app.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Loads users from the app_user table for form login and HTTP Basic. */
@Component
class AppUserDetailsService implements UserDetailsService {

    private final JdbcClient jdbc;
    private final LoginLockout lockout;

    AppUserDetailsService(JdbcClient jdbc, LoginLockout lockout) {
        this.jdbc = jdbc;
        this.lockout = lockout;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        // Read the lock before the user, not inside the row mapper: there the query still holds its pooled
        // connection, and enough sign-ins at once would hold every connection while each waits for a second one.
        boolean locked = lockout.lockedUntil(username).isPresent();
        return jdbc.sql("select * from app_user where username = ?")
                .param(username)
                .query((rs, row) -> map(rs, locked))
                .optional()
                .orElseThrow(() -> new UsernameNotFoundException("No user named \"" + username + "\""));
    }

    private static SignedInUser map(ResultSet rs, boolean locked) throws SQLException {
        CurrentUser user = new CurrentUser(rs.getLong("id"), rs.getLong("tenant_id"), rs.getString("username"),
                rs.getString("display_name"), parseRoles(rs.getString("roles")),
                rs.getObject("org_unit_id", Long.class), rs.getString("person_id_number"));
        return new SignedInUser(user, rs.getString("password_hash"), rs.getBoolean("enabled"), locked);
    }

    /** Parses the comma-separated role codes of app_user.roles; blanks around codes are ignored. */
    static Set<Role> parseRoles(String codes) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream(codes.split(","))
                .map(String::strip)
                .filter(code -> !code.isEmpty())
                .map(Role::fromCode)
                .forEach(roles::add);
        return roles;
    }
}
