package org.tezuo.workflow.approval;

import java.util.Optional;

/**
 * Names the page of the application that shows what an approval is about, such as a permit, for the links of the
 * notices its applicant receives, and the label notices show for it. The application may provide one Spring bean of this type; without it those
 * notices carry no link.
 */
public interface ApplicationPages {

    /** Returns the app-relative path of the page showing the application, or empty when there is none. */
    Optional<String> pageOf(long tenantId, String businessKey);

    /**
     * Returns how notices name the application to people, such as a permit's number, in place of its business key.
     * By default the business key itself.
     */
    default String labelOf(long tenantId, String businessKey) {
        return businessKey;
    }
}
