package org.tezuo.app.permit;

import java.util.Optional;
import org.springframework.stereotype.Component;
import org.tezuo.workflow.approval.ApplicationPages;

/** Points the approval notices of a permit's applicant at the permit's detail page. */
@Component
class PermitPages implements ApplicationPages {

    @Override
    public Optional<String> pageOf(long tenantId, String businessKey) {
        long permitId = PermitSubmitter.permitIdOf(businessKey);
        return permitId < 0 ? Optional.empty() : Optional.of("/permits/" + permitId + "/detail");
    }
}
