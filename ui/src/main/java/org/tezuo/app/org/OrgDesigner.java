package org.tezuo.app.org;

import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tezuo.app.org.OrgDirectory.OrgUnit;
import org.tezuo.app.org.OrgDirectory.TenantUser;
import org.tezuo.app.security.Role;
import org.tezuo.core.audit.AuditLog;

/**
 * Changes the org structure of a tenant: adds, renames, moves and removes org units, places users in units and
 * sets their roles. Approval flows ({@link OrgApproverResolver}) and certificate warnings read the result, so each
 * change keeps the structure one they can resolve: unit kinds follow {@link UnitKind}'s levels, a unit never moves
 * under itself, and codes and names are unique in the tenant. Names must be unique because warnings match a
 * certificate holder's ledger unit (所属部门/班组) to an org unit by name.
 *
 * <p>Every method runs in one transaction that first locks the tenant row, so concurrent changes of one tenant
 * run one after another and checks such as "last administrator" see committed data. Each change appends one
 * audit record in the same transaction. A rejected change throws {@link OrgDesignException} and changes nothing.
 */
@Component
@Transactional
public class OrgDesigner {

    /** Audit subject type of org units; the subject id is the unit code. */
    public static final String UNIT_SUBJECT = "org_unit";
    /** Audit subject type of users; the subject id is the username. */
    public static final String USER_SUBJECT = "app_user";
    /** Maximum length of a unit name, the width of org_unit.name. */
    public static final int MAX_NAME_LENGTH = 200;

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
    private static final Logger log = LoggerFactory.getLogger(OrgDesigner.class);

    private final JdbcClient jdbc;
    private final OrgDirectory directory;
    private final AuditLog audit;

    public OrgDesigner(JdbcClient jdbc, OrgDirectory directory, AuditLog audit) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.audit = audit;
    }

    /**
     * Adds a unit under {@code parentId}, or a top-level unit when it is null (companies only).
     *
     * @throws OrgDesignException when the code or name is invalid or taken, the parent is missing, or the parent's
     *     kind may not contain {@code kind}
     */
    public OrgUnit addUnit(long tenantId, String actor, @Nullable Long parentId, String code, String name,
            UnitKind kind) {
        lockTenant(tenantId);
        String checkedCode = checkCode(tenantId, code);
        String checkedName = checkName(tenantId, name, null);
        if (parentId == null) {
            if (!kind.mayBeRoot()) {
                throw new OrgDesignException("org.design.rootNotCompany", checkedName, kind.ordinal());
            }
        } else {
            checkContainment(requireUnit(tenantId, parentId), checkedName, kind);
        }

        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into org_unit (tenant_id, parent_id, code, name, kind) values (?, ?, ?, ?, ?)")
                .params(tenantId, parentId, checkedCode, checkedName, kind.code())
                .update(keys, "id");
        OrgUnit added = requireUnit(tenantId, keys.getKeyAs(Number.class).longValue());

        audit.append(tenantId, actor, "org-unit.create", UNIT_SUBJECT, added.code(), null, state(added));
        log.info("Added org unit {} (id {}) under {} in tenant {}", added.code(), added.id(), parentId, tenantId);
        return added;
    }

    /**
     * Renames a unit. Ledger persons whose unit (所属部门/班组) is the old name get the new name, so the
     * certificate warnings about them still reach the unit's role holders.
     *
     * @throws OrgDesignException when the unit is missing or the name is invalid or taken by another unit
     */
    public OrgUnit renameUnit(long tenantId, String actor, long unitId, String name) {
        lockTenant(tenantId);
        OrgUnit before = requireUnit(tenantId, unitId);
        String checkedName = checkName(tenantId, name, unitId);
        if (checkedName.equals(before.name())) {
            return before;
        }

        jdbc.sql("update org_unit set name = ? where tenant_id = ? and id = ?")
                .params(checkedName, tenantId, unitId).update();
        int ledgerPersons = jdbc.sql("update person set org_unit = ? where tenant_id = ? and org_unit = ?")
                .params(checkedName, tenantId, before.name()).update();
        OrgUnit after = requireUnit(tenantId, unitId);

        Map<String, Object> afterState = state(after);
        afterState.put("ledgerPersonsRenamed", ledgerPersons);
        audit.append(tenantId, actor, "org-unit.rename", UNIT_SUBJECT, after.code(), state(before), afterState);
        log.info("Renamed org unit {} in tenant {}; {} ledger persons follow", after.code(), tenantId, ledgerPersons);
        return after;
    }

    /**
     * Moves a unit and everything under it below {@code parentId}.
     *
     * @throws OrgDesignException when either unit is missing, the parent is the unit itself or one of its
     *     descendants, or the parent's kind may not contain the unit's kind
     */
    public OrgUnit moveUnit(long tenantId, String actor, long unitId, long parentId) {
        lockTenant(tenantId);
        OrgUnit before = requireUnit(tenantId, unitId);
        OrgUnit parent = requireUnit(tenantId, parentId);
        boolean parentInsideUnit = directory.unitAndAncestors(tenantId, parentId).stream()
                .anyMatch(unit -> unit.id() == unitId);
        if (parentInsideUnit) {
            throw new OrgDesignException("org.design.moveIntoOwnSubtree", before.name(), parent.name());
        }
        checkContainment(parent, before.name(), storedKind(before));
        if (Long.valueOf(parentId).equals(before.parentId())) {
            return before;
        }

        jdbc.sql("update org_unit set parent_id = ? where tenant_id = ? and id = ?")
                .params(parentId, tenantId, unitId).update();
        OrgUnit after = requireUnit(tenantId, unitId);

        audit.append(tenantId, actor, "org-unit.move", UNIT_SUBJECT, after.code(), state(before), state(after));
        log.info("Moved org unit {} under {} in tenant {}", after.code(), parent.code(), tenantId);
        return after;
    }

    /**
     * Renames and moves a unit in one transaction, so a rejected move also undoes the rename. A null name or
     * parent leaves that part unchanged.
     *
     * @throws OrgDesignException as {@link #renameUnit} and {@link #moveUnit} do
     */
    public OrgUnit changeUnit(long tenantId, String actor, long unitId, @Nullable String name,
            @Nullable Long parentId) {
        OrgUnit unit = requireUnit(tenantId, unitId);
        if (name != null) {
            unit = renameUnit(tenantId, actor, unitId, name);
        }
        if (parentId != null) {
            unit = moveUnit(tenantId, actor, unitId, parentId);
        }
        return unit;
    }

    /**
     * Removes a unit that has no child units, no users and no ledger persons whose unit is its name.
     *
     * @throws OrgDesignException when the unit is missing or not empty; the message gives each count
     */
    public void removeUnit(long tenantId, String actor, long unitId) {
        lockTenant(tenantId);
        OrgUnit unit = requireUnit(tenantId, unitId);
        int children = directory.childUnitCount(tenantId, unitId);
        int users = directory.userCount(tenantId, unitId);
        int ledgerPersons = jdbc.sql("select count(*) from person where tenant_id = ? and org_unit = ?")
                .params(tenantId, unit.name()).query(Integer.class).single();
        if (children + users + ledgerPersons > 0) {
            throw new OrgDesignException("org.design.unitNotEmpty", unit.name(), unit.code(), children, users,
                    ledgerPersons);
        }

        jdbc.sql("delete from org_unit where tenant_id = ? and id = ?").params(tenantId, unitId).update();

        audit.append(tenantId, actor, "org-unit.delete", UNIT_SUBJECT, unit.code(), state(unit), null);
        log.info("Removed org unit {} (id {}) from tenant {}", unit.code(), unitId, tenantId);
    }

    /**
     * Places an enabled user in a unit (app_user.org_unit_id). Any kind of unit is accepted, because staff such as
     * safety engineers belong to a department rather than a team.
     *
     * @throws OrgDesignException when the user or the unit is missing
     */
    public TenantUser movePerson(long tenantId, String actor, String username, long unitId) {
        lockTenant(tenantId);
        TenantUser before = requireUser(tenantId, username);
        OrgUnit unit = requireUnit(tenantId, unitId);
        if (Long.valueOf(unitId).equals(before.orgUnitId())) {
            return before;
        }

        jdbc.sql("update app_user set org_unit_id = ? where tenant_id = ? and username = ?")
                .params(unitId, tenantId, username).update();
        TenantUser after = requireUser(tenantId, username);

        audit.append(tenantId, actor, "user.move", USER_SUBJECT, username, Map.of("orgUnitId", nullable(
                before.orgUnitId())), Map.of("orgUnitId", unitId, "orgUnitCode", unit.code()));
        log.info("Moved user {} to org unit {} in tenant {}", username, unit.code(), tenantId);
        return after;
    }

    /**
     * Replaces the roles of an enabled user. Role codes are those of {@link Role}; pseudo-recipients such as the
     * warning recipient {@code HOLDER} are not roles and are rejected.
     *
     * @throws OrgDesignException when the user is missing, a code is unknown, the set is empty (a user without
     *     roles cannot sign in) or the change would leave the tenant without an enabled system administrator
     */
    public TenantUser setRoles(long tenantId, String actor, String username, Set<String> roleCodes) {
        lockTenant(tenantId);
        TenantUser before = requireUser(tenantId, username);
        Set<Role> roles = parseRoles(roleCodes);
        if (roles.isEmpty()) {
            throw new OrgDesignException("org.design.rolesEmpty", before.displayName(), username);
        }
        boolean losesAdmin = before.roles().contains(Role.SYSTEM_ADMIN.code()) && !roles.contains(Role.SYSTEM_ADMIN);
        if (losesAdmin && directory.usersWithRole(tenantId, Role.SYSTEM_ADMIN.code()).size() <= 1) {
            throw new OrgDesignException("org.design.lastAdmin", before.displayName(), username);
        }

        String stored = roles.stream().sorted(Comparator.naturalOrder()).map(Role::code)
                .collect(Collectors.joining(","));
        jdbc.sql("update app_user set roles = ? where tenant_id = ? and username = ?")
                .params(stored, tenantId, username).update();
        TenantUser after = requireUser(tenantId, username);

        audit.append(tenantId, actor, "user.roles", USER_SUBJECT, username,
                Map.of("roles", sortedCodes(before.roles())), Map.of("roles", sortedCodes(after.roles())));
        log.info("Set roles of user {} in tenant {} to {}", username, tenantId, stored);
        return after;
    }

    /** Returns the kind of a stored unit. */
    static UnitKind storedKind(OrgUnit unit) {
        return UnitKind.fromCode(unit.kind())
                .orElseThrow(() -> new OrgDesignException("org.design.storedKindUnknown", unit.name(), unit.kind()));
    }

    private void checkContainment(OrgUnit parent, String childName, UnitKind childKind) {
        UnitKind parentKind = storedKind(parent);
        if (!parentKind.mayContain(childKind)) {
            throw new OrgDesignException("org.design.kindNotAllowed", childName, childKind.ordinal(), parent.name(),
                    parentKind.ordinal());
        }
    }

    private String checkCode(long tenantId, String code) {
        String stripped = code.strip();
        if (!CODE.matcher(stripped).matches()) {
            throw new OrgDesignException("org.design.codeInvalid", stripped);
        }
        Optional<OrgUnit> holder = directory.orgUnitByCode(tenantId, stripped);
        if (holder.isPresent()) {
            throw new OrgDesignException("org.design.codeTaken", stripped, holder.get().name());
        }
        return stripped;
    }

    private String checkName(long tenantId, String name, @Nullable Long renamedUnitId) {
        String stripped = name.strip();
        if (stripped.isEmpty() || stripped.length() > MAX_NAME_LENGTH) {
            throw new OrgDesignException("org.design.nameInvalid", stripped, MAX_NAME_LENGTH);
        }
        Optional<OrgUnit> holder = directory.orgUnits(tenantId).stream()
                .filter(unit -> unit.name().equals(stripped))
                .filter(unit -> renamedUnitId == null || unit.id() != renamedUnitId)
                .findFirst();
        if (holder.isPresent()) {
            throw new OrgDesignException("org.design.nameTaken", stripped, holder.get().code());
        }
        return stripped;
    }

    private static Set<Role> parseRoles(Set<String> codes) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String code : codes) {
            String stripped = code.strip();
            Role role = Arrays.stream(Role.values()).filter(candidate -> candidate.code().equals(stripped))
                    .findFirst()
                    .orElseThrow(() -> new OrgDesignException("org.design.roleUnknown", stripped,
                            Arrays.stream(Role.values()).map(Role::code).collect(Collectors.joining(", "))));
            roles.add(role);
        }
        return roles;
    }

    private void lockTenant(long tenantId) {
        jdbc.sql("select id from tenant where id = ? for update").param(tenantId).query(Long.class).optional();
    }

    private OrgUnit requireUnit(long tenantId, long unitId) {
        return directory.orgUnit(tenantId, unitId)
                .orElseThrow(() -> new OrgDesignException("org.design.unitNotFound", String.valueOf(unitId)));
    }

    private TenantUser requireUser(long tenantId, String username) {
        return directory.user(tenantId, username)
                .orElseThrow(() -> new OrgDesignException("org.design.userNotFound", username));
    }

    private static Map<String, Object> state(OrgUnit unit) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("id", unit.id());
        state.put("parentId", nullable(unit.parentId()));
        state.put("code", unit.code());
        state.put("name", unit.name());
        state.put("kind", unit.kind());
        return state;
    }

    /** Returns the value, or an empty string for null, because Map.of rejects null values. */
    private static Object nullable(@Nullable Object value) {
        return value == null ? "" : value;
    }

    private static String sortedCodes(Set<String> codes) {
        return codes.stream().sorted().collect(Collectors.joining(","));
    }
}
