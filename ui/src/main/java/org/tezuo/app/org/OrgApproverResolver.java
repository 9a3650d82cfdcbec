package org.tezuo.app.org;

import java.util.List;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;
import org.tezuo.workflow.approval.ApproverQuery;
import org.tezuo.workflow.approval.ApproverResolver;
import org.tezuo.workflow.definition.AssigneeSpec;
import tools.jackson.databind.JsonNode;

/**
 * Names the approvers of a flow node from the tenant's users and org units. A role relative to the applicant is
 * looked up in the applicant's own unit first, then in each parent unit, nearest first. Names that are not
 * enabled users of the tenant are dropped, so a typed name never routes a permit outside the tenant.
 */
@Component
class OrgApproverResolver implements ApproverResolver {

    private final OrgDirectory directory;

    OrgApproverResolver(OrgDirectory directory) {
        this.directory = directory;
    }

    @Override
    public List<String> resolve(ApproverQuery query) {
        AssigneeSpec spec = query.assignee();
        return switch (spec.by()) {
            case ROLE -> usernames(directory.usersWithRole(query.tenantId(), spec.role()));
            case APPLICANT_ORG_ROLE -> holdersNearApplicant(query.tenantId(), query.applicant(), spec.role(), 0);
            case PARENT_ORG_ROLE -> holdersNearApplicant(query.tenantId(), query.applicant(), spec.role(), 1);
            case USER -> existing(query.tenantId(), List.of(spec.user()));
            case USERS -> existing(query.tenantId(), spec.users());
            case ROLE_GROUP -> spec.roles().stream()
                    .flatMap(role -> usernames(directory.usersWithRole(query.tenantId(), role)).stream())
                    .distinct()
                    .toList();
            case FORM_FIELD -> existing(query.tenantId(), valuesAt(query.formData(), spec.field()));
        };
    }

    /**
     * Returns the holders of {@code role} in the nearest unit that has any, searching upwards from the applicant's
     * unit after skipping {@code levelsUp} units (0 starts at the applicant's own unit, 1 at its parent).
     */
    private List<String> holdersNearApplicant(long tenantId, String applicant, String role, int levelsUp) {
        Long unitId = directory.user(tenantId, applicant).map(OrgDirectory.TenantUser::orgUnitId).orElse(null);
        if (unitId == null) {
            return List.of();
        }
        List<OrgDirectory.TenantUser> holders = directory.usersWithRole(tenantId, role);
        List<OrgDirectory.OrgUnit> units = directory.unitAndAncestors(tenantId, unitId);
        for (OrgDirectory.OrgUnit unit : units.subList(Math.min(levelsUp, units.size()), units.size())) {
            List<String> inUnit = holders.stream()
                    .filter(user -> user.orgUnitId() != null && user.orgUnitId() == unit.id())
                    .map(OrgDirectory.TenantUser::username)
                    .toList();
            if (!inUnit.isEmpty()) {
                return inUnit;
            }
        }
        return List.of();
    }

    private List<String> existing(long tenantId, List<String> usernames) {
        return usernames.stream().filter(name -> directory.user(tenantId, name).isPresent()).distinct().toList();
    }

    /**
     * Returns the user names at a dotted data path. A list on the way is read item by item, so
     * {@code countersigners.signer} names the signer of every row of the countersigners table.
     */
    private static List<String> valuesAt(JsonNode data, String path) {
        List<JsonNode> nodes = List.of(data);
        for (String name : path.split("\\.")) {
            nodes = nodes.stream().map(node -> node.path(name)).flatMap(OrgApproverResolver::items).toList();
        }
        return nodes.stream()
                .filter(JsonNode::isString)
                .map(JsonNode::asString)
                .filter(value -> !value.isBlank())
                .toList();
    }

    private static Stream<JsonNode> items(JsonNode node) {
        return node.isArray() ? node.valueStream() : Stream.of(node);
    }

    private static List<String> usernames(List<OrgDirectory.TenantUser> users) {
        return users.stream().map(OrgDirectory.TenantUser::username).toList();
    }
}
