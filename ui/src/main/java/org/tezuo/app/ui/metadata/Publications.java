package org.tezuo.app.ui.metadata;

import java.util.Collection;
import org.tezuo.app.security.CurrentUser;
import org.tezuo.core.schedule.ScheduleRegistrar;
import org.tezuo.metadata.MetadataDocument;
import org.tezuo.metadata.MetadataKind;

/** Follow-up of a publish from the metadata center: a published schedule re-registers the tenant's jobs. */
final class Publications {

    private final CurrentUser user;
    private final ScheduleRegistrar schedules;

    Publications(CurrentUser user, ScheduleRegistrar schedules) {
        this.user = user;
        this.schedules = schedules;
    }

    CurrentUser user() {
        return user;
    }

    void published(Collection<MetadataDocument> documents) {
        if (documents.stream().anyMatch(document -> document.kind() == MetadataKind.SCHEDULE)) {
            schedules.refresh(user.tenantId());
        }
    }
}
