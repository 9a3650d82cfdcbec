package org.tezuo.benchmarks.approval;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import org.tezuo.workflow.approval.ApproverQuery;
import org.tezuo.workflow.approval.ApproverResolver;

/**
 * The approver directory of the benchmark: tenant-wide roles held in memory, so that resolving approvers costs
 * no database round trip and the measured time is the workflow layer's.
 */
@Component
class RoleDirectory implements ApproverResolver {

    private final Map<String, List<String>> usersByRole = new ConcurrentHashMap<>();

    void assign(String role, String user) {
        usersByRole.put(role, List.of(user));
    }

    @Override
    public List<String> resolve(ApproverQuery query) {
        return switch (query.assignee().by()) {
            case ROLE -> usersByRole.getOrDefault(query.assignee().role(), List.of());
            case USER -> List.of(query.assignee().value());
            default -> List.of();
        };
    }
}
