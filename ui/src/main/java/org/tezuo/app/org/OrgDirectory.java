package org.tezuo.app.org;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads the users and org units of a tenant; every query is filtered by tenant. */
@Component
public class OrgDirectory {

    private final JdbcClient jdbc;

    public OrgDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A user of the tenant without the password hash. */
    public record TenantUser(long id, long tenantId, String username, String displayName, Set<String> roles,
            @Nullable Long orgUnitId, @Nullable String personIdNumber) {
    }

    /** An org unit with its parent. */
    public record OrgUnit(long id, @Nullable Long parentId, String code, String name, String kind) {
    }

    public Optional<TenantUser> user(long tenantId, String username) {
        return jdbc.sql("select * from app_user where tenant_id = ? and username = ? and enabled = true")
                .params(tenantId, username).query(this::mapUser).optional();
    }

    public List<TenantUser> users(long tenantId) {
        return jdbc.sql("select * from app_user where tenant_id = ? and enabled = true order by username")
                .param(tenantId).query(this::mapUser).list();
    }

    /** Returns whether another enabled user of the tenant has the same display name as {@code user}. */
    public boolean sharesDisplayName(TenantUser user) {
        return jdbc.sql("""
                select count(*) from app_user
                 where tenant_id = ? and display_name = ? and username <> ? and enabled = true""")
                .params(user.tenantId(), user.displayName(), user.username()).query(Integer.class).single() > 0;
    }

    /** Returns the enabled users of the tenant holding {@code role}. */
    public List<TenantUser> usersWithRole(long tenantId, String role) {
        return users(tenantId).stream().filter(user -> user.roles().contains(role)).toList();
    }

    public Optional<OrgUnit> orgUnit(long tenantId, long orgUnitId) {
        return jdbc.sql("select * from org_unit where tenant_id = ? and id = ?")
                .params(tenantId, orgUnitId).query(this::mapUnit).optional();
    }

    public Optional<OrgUnit> orgUnitByCode(long tenantId, String code) {
        return jdbc.sql("select * from org_unit where tenant_id = ? and code = ?")
                .params(tenantId, code).query(this::mapUnit).optional();
    }

    /** Returns the code of the org unit of an enabled user, or null when the user has none or is unknown. */
    public @Nullable String orgUnitCodeOf(long tenantId, String username) {
        return user(tenantId, username)
                .map(TenantUser::orgUnitId)
                .flatMap(unitId -> orgUnit(tenantId, unitId))
                .map(OrgUnit::code)
                .orElse(null);
    }

    public List<OrgUnit> orgUnits(long tenantId) {
        return jdbc.sql("select * from org_unit where tenant_id = ? order by id")
                .param(tenantId).query(this::mapUnit).list();
    }

    /** Returns the number of units whose parent is {@code orgUnitId}. */
    public int childUnitCount(long tenantId, long orgUnitId) {
        return jdbc.sql("select count(*) from org_unit where tenant_id = ? and parent_id = ?")
                .params(tenantId, orgUnitId).query(Integer.class).single();
    }

    /** Returns the number of users, enabled or not, whose org unit is {@code orgUnitId}. */
    public int userCount(long tenantId, long orgUnitId) {
        return jdbc.sql("select count(*) from app_user where tenant_id = ? and org_unit_id = ?")
                .params(tenantId, orgUnitId).query(Integer.class).single();
    }

    /** Returns the unit and its ancestors, nearest first. */
    public List<OrgUnit> unitAndAncestors(long tenantId, long orgUnitId) {
        List<OrgUnit> chain = new ArrayList<>();
        Optional<OrgUnit> current = orgUnit(tenantId, orgUnitId);
        while (current.isPresent() && chain.size() < 32) {
            chain.add(current.get());
            Long parent = current.get().parentId();
            current = parent == null ? Optional.empty() : orgUnit(tenantId, parent);
        }
        return chain;
    }

    private TenantUser mapUser(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        Set<String> roles = Arrays.stream(rs.getString("roles").split(","))
                .map(String::trim).filter(role -> !role.isEmpty()).collect(Collectors.toUnmodifiableSet());
        return new TenantUser(rs.getLong("id"), rs.getLong("tenant_id"), rs.getString("username"),
                rs.getString("display_name"), roles, rs.getObject("org_unit_id", Long.class),
                rs.getString("person_id_number"));
    }

    private OrgUnit mapUnit(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new OrgUnit(rs.getLong("id"), rs.getObject("parent_id", Long.class), rs.getString("code"),
                rs.getString("name"), rs.getString("kind"));
    }
}
