package org.tezuo.core.qualification.warning;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tezuo.core.qualification.Person;

/**
 * Finds the users a warning goes to. {@link WarningRule#HOLDER} is the user whose ID number is the holder's. For a
 * role, the users with that role in the holder's org unit receive it, matched by the unit's name as ledgers write it.
 * When the unit has no such user, every user of the tenant with the role receives it.
 */
@Component
public class RecipientResolver {

    private final JdbcClient jdbc;

    public RecipientResolver(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record UserRow(String username, List<String> roles, @Nullable String orgUnitName,
            @Nullable String personIdNumber) {
    }

    /** Returns the user names for one recipient of a warning about {@code holder}, sorted. */
    public List<String> usernames(long tenantId, Person holder, String recipient) {
        List<UserRow> users = enabledUsers(tenantId);
        if (WarningRule.HOLDER.equals(recipient)) {
            return users.stream().filter(user -> holder.idNumber().equals(user.personIdNumber()))
                    .map(UserRow::username).sorted().toList();
        }
        List<UserRow> withRole = users.stream().filter(user -> user.roles().contains(recipient)).toList();
        List<UserRow> inHolderUnit = withRole.stream()
                .filter(user -> holder.orgUnit() != null && Objects.equals(holder.orgUnit(), user.orgUnitName()))
                .toList();
        return (inHolderUnit.isEmpty() ? withRole : inHolderUnit).stream().map(UserRow::username).sorted().toList();
    }

    /** Returns whether the user has {@code role} in the tenant. */
    public boolean hasRole(long tenantId, String username, String role) {
        return enabledUsers(tenantId).stream()
                .anyMatch(user -> user.username().equals(username) && user.roles().contains(role));
    }

    private List<UserRow> enabledUsers(long tenantId) {
        return jdbc.sql("""
                select u.username, u.roles, u.person_id_number, o.name as org_unit_name
                from app_user u left join org_unit o on o.id = u.org_unit_id and o.tenant_id = u.tenant_id
                where u.tenant_id = ? and u.enabled = true""")
                .param(tenantId)
                .query((rs, row) -> new UserRow(rs.getString("username"), roles(rs.getString("roles")),
                        rs.getString("org_unit_name"), rs.getString("person_id_number")))
                .list();
    }

    private static List<String> roles(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(role -> !role.isEmpty()).toList();
    }
}
