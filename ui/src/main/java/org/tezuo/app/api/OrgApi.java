package org.tezuo.app.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tezuo.app.org.OrgDesignException;
import org.tezuo.app.org.OrgDesigner;
import org.tezuo.app.org.OrgDirectory;
import org.tezuo.app.org.OrgDirectory.OrgUnit;
import org.tezuo.app.org.OrgDirectory.TenantUser;
import org.tezuo.app.org.UnitKind;
import org.tezuo.app.security.CurrentUser;
import org.tezuo.app.security.Role;
import org.tezuo.core.i18n.LocalizedException;
import org.tezuo.core.i18n.UserMessages;

/** The org structure of the caller's tenant: units, the users in them and their roles. System administrators only. */
@RestController
@RequestMapping("/api/org")
@Tag(name = "org", description = "组织设计：组织单元、人员归属与角色")
class OrgApi {

    private final ApiCaller caller;
    private final OrgDirectory directory;
    private final OrgDesigner designer;

    OrgApi(ApiCaller caller, OrgDirectory directory, OrgDesigner designer) {
        this.caller = caller;
        this.directory = directory;
        this.designer = designer;
    }

    /** A unit with its users and child units; {@code kind} is the stored code, such as {@code team}. */
    record UnitNode(long id, @Nullable Long parentId, String code, String name, String kind, List<PersonView> people,
            List<UnitNode> children) {
    }

    /** A user as the org designer shows it; roles are codes such as {@code TEAM_LEADER}. */
    record PersonView(String username, String displayName, @Nullable Long orgUnitId, List<String> roles) {
    }

    record UnitView(long id, @Nullable Long parentId, String code, String name, String kind) {
    }

    record NewUnit(@Nullable Long parentId, @Nullable String code, @Nullable String name, @Nullable String kind) {
    }

    /** Fields to change; a missing field stays as it is. */
    record UnitChange(@Nullable String name, @Nullable Long parentId) {
    }

    record PersonUnit(long orgUnitId) {
    }

    record PersonRoles(@Nullable List<String> roles) {
    }

    @GetMapping
    @Operation(summary = "组织树：各单元及其人员（顶级单元在最外层）")
    List<UnitNode> tree() {
        long tenantId = requireAdmin();
        List<OrgUnit> units = directory.orgUnits(tenantId);
        Map<Long, List<TenantUser>> peopleByUnit = directory.users(tenantId).stream()
                .filter(user -> user.orgUnitId() != null)
                .collect(Collectors.groupingBy(user -> Objects.requireNonNull(user.orgUnitId())));
        return nodesUnder(null, units, peopleByUnit);
    }

    @PostMapping("/units")
    @Operation(summary = "新增组织单元（公司 → 厂区 → 车间/部门 → 班组）")
    ResponseEntity<UnitView> create(@RequestBody NewUnit body) {
        CurrentUser user = requireAdminUser();
        if (body.code() == null || body.name() == null || body.kind() == null) {
            throw new LocalizedException("org.design.unitIncomplete");
        }
        String kindCode = body.kind();
        UnitKind kind = UnitKind.fromCode(kindCode)
                .orElseThrow(() -> new OrgDesignException("org.design.kindInvalid", kindCode));
        if (body.parentId() != null) {
            requireUnit(user.tenantId(), body.parentId());
        }
        OrgUnit unit = designer.addUnit(user.tenantId(), user.username(), body.parentId(), body.code(), body.name(),
                kind);
        return ResponseEntity.status(HttpStatus.CREATED).body(view(unit));
    }

    @PatchMapping("/units/{id}")
    @Operation(summary = "重命名或移动组织单元（name、parentId 可只给其一）")
    UnitView change(@PathVariable long id, @RequestBody UnitChange body) {
        CurrentUser user = requireAdminUser();
        requireUnit(user.tenantId(), id);
        if (body.parentId() != null) {
            requireUnit(user.tenantId(), body.parentId());
        }
        return view(designer.changeUnit(user.tenantId(), user.username(), id, body.name(), body.parentId()));
    }

    @DeleteMapping("/units/{id}")
    @Operation(summary = "删除组织单元（仅限没有下级单元和人员的单元）")
    ResponseEntity<Void> remove(@PathVariable long id) {
        CurrentUser user = requireAdminUser();
        requireUnit(user.tenantId(), id);
        designer.removeUnit(user.tenantId(), user.username(), id);
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/persons/{username}/unit")
    @Operation(summary = "调整人员所属单元")
    PersonView movePerson(@PathVariable String username, @RequestBody PersonUnit body) {
        CurrentUser user = requireAdminUser();
        requireUser(user.tenantId(), username);
        requireUnit(user.tenantId(), body.orgUnitId());
        return view(designer.movePerson(user.tenantId(), user.username(), username, body.orgUnitId()));
    }

    @PutMapping("/persons/{username}/roles")
    @Operation(summary = "设置人员角色（角色代码，如 TEAM_LEADER、HRBP、SAFETY_ENGINEER）")
    PersonView setRoles(@PathVariable String username, @RequestBody PersonRoles body) {
        CurrentUser user = requireAdminUser();
        requireUser(user.tenantId(), username);
        Set<String> roles = body.roles() == null ? Set.of() : Set.copyOf(body.roles());
        return view(designer.setRoles(user.tenantId(), user.username(), username, roles));
    }

    private long requireAdmin() {
        return caller.requireAnyRole(Role.SYSTEM_ADMIN);
    }

    private CurrentUser requireAdminUser() {
        requireAdmin();
        return caller.user();
    }

    private void requireUnit(long tenantId, long unitId) {
        if (directory.orgUnit(tenantId, unitId).isEmpty()) {
            throw new NotFoundException(UserMessages.render(ApiCaller.locale(), "org.design.subject.unit"),
                    String.valueOf(unitId));
        }
    }

    private void requireUser(long tenantId, String username) {
        if (directory.user(tenantId, username).isEmpty()) {
            throw new NotFoundException(UserMessages.render(ApiCaller.locale(), "org.design.subject.user"), username);
        }
    }

    private static List<UnitNode> nodesUnder(@Nullable Long parentId, List<OrgUnit> units,
            Map<Long, List<TenantUser>> peopleByUnit) {
        List<UnitNode> nodes = new ArrayList<>();
        for (OrgUnit unit : units) {
            if (Objects.equals(unit.parentId(), parentId)) {
                List<PersonView> people = peopleByUnit.getOrDefault(unit.id(), List.of()).stream()
                        .map(OrgApi::view).toList();
                nodes.add(new UnitNode(unit.id(), unit.parentId(), unit.code(), unit.name(), unit.kind(), people,
                        nodesUnder(unit.id(), units, peopleByUnit)));
            }
        }
        return nodes;
    }

    private static UnitView view(OrgUnit unit) {
        return new UnitView(unit.id(), unit.parentId(), unit.code(), unit.name(), unit.kind());
    }

    private static PersonView view(TenantUser user) {
        return new PersonView(user.username(), user.displayName(), user.orgUnitId(),
                user.roles().stream().sorted(Comparator.comparing(Role::fromCode)).toList());
    }
}
