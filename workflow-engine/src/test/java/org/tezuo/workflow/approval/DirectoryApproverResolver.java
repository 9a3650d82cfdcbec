package org.tezuo.workflow.approval;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** An organisation directory the tests fill per tenant: tenant-wide roles and roles of each applicant's unit. */
@Component
public class DirectoryApproverResolver implements ApproverResolver {

    private final Map<Long, Map<String, List<String>>> roles = new ConcurrentHashMap<>();
    private final Map<Long, Map<String, Map<String, List<String>>>> unitRolesByApplicant = new ConcurrentHashMap<>();

    public void role(long tenantId, String role, String... users) {
        roles.computeIfAbsent(tenantId, id -> new ConcurrentHashMap<>()).put(role, List.of(users));
    }

    public void unitRole(long tenantId, String applicant, String role, String... users) {
        unitRolesByApplicant.computeIfAbsent(tenantId, id -> new ConcurrentHashMap<>())
                .computeIfAbsent(applicant, name -> new ConcurrentHashMap<>())
                .put(role, List.of(users));
    }

    @Override
    public List<String> resolve(ApproverQuery query) {
        return switch (query.assignee().by()) {
            case ROLE -> roles.getOrDefault(query.tenantId(), Map.of()).getOrDefault(query.assignee().role(), List.of());
            case APPLICANT_ORG_ROLE -> unitRolesByApplicant.getOrDefault(query.tenantId(), Map.of())
                    .getOrDefault(query.applicant(), Map.of())
                    .getOrDefault(query.assignee().role(), List.of());
            case PARENT_ORG_ROLE -> List.of();
            case USER -> List.of(query.assignee().value());
            case USERS -> query.assignee().users();
            case ROLE_GROUP -> query.assignee().roles().stream()
                    .flatMap(role -> roles.getOrDefault(query.tenantId(), Map.of()).getOrDefault(role, List.of()).stream())
                    .distinct()
                    .toList();
            case FORM_FIELD -> formField(query.formData(), query.assignee().value());
        };
    }

    private static List<String> formField(JsonNode formData, String field) {
        JsonNode value = formData.path(field);
        return value.isString() && !value.asString().isBlank() ? List.of(value.asString()) : List.of();
    }
}
