package org.tezuo.app.permit;

import java.util.Optional;
import org.springframework.stereotype.Component;
import org.tezuo.core.i18n.UserMessages;
import org.tezuo.workflow.approval.ApplicationPages;

/**
 * Points the approval notices of a permit's applicant at the permit's detail page, and names the permit in every
 * approval notice by its number once issued, otherwise by its id, such as 作业票 #12.
 */
@Component
class PermitPages implements ApplicationPages {

    private final PermitStore permits;

    PermitPages(PermitStore permits) {
        this.permits = permits;
    }

    @Override
    public Optional<String> pageOf(long tenantId, String businessKey) {
        long permitId = PermitSubmitter.permitIdOf(businessKey);
        return permitId < 0 ? Optional.empty() : Optional.of("/permits/" + permitId + "/detail");
    }

    @Override
    public String labelOf(long tenantId, String businessKey) {
        long permitId = PermitSubmitter.permitIdOf(businessKey);
        if (permitId < 0) {
            return businessKey;
        }
        String number = permits.find(tenantId, permitId).map(Permit::permitNumber).orElse(null);
        return number != null ? number : UserMessages.render(UserMessages.DEFAULT_LOCALE, "permit.label", String.valueOf(permitId));
    }
}
