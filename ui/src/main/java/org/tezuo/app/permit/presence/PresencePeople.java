package org.tezuo.app.permit.presence;

import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.tezuo.app.org.OrgDirectory;
import org.tezuo.app.permit.Permit;
import org.tezuo.app.permit.PermitDrafter;
import org.tezuo.app.permit.site.PermitSite;
import org.tezuo.app.permit.site.PersonName;
import org.tezuo.form.definition.FormDefinition;
import tools.jackson.databind.JsonNode;

/**
 * Decides whether a user is named on a permit, and as what. The form roles are read through the form's bindings:
 * {@code guardian} (a user name or a display name), {@code workLeader} (a user name; the work leader in charge on
 * site counts too) and {@code workers} or {@code crew} (rows whose {@code idNumber} matches the user's resident ID
 * number, or whose {@code name} is the user's display name or user name).
 *
 * <p>NOTE: a form that names people only by display name cannot tell two users with the same name apart; both may
 * then check in. Forms that record the ID number of each worker avoid this.
 */
@Component
class PresencePeople {

    private final OrgDirectory directory;
    private final PermitDrafter drafter;

    PresencePeople(OrgDirectory directory, PermitDrafter drafter) {
        this.directory = directory;
        this.drafter = drafter;
    }

    /** Returns what the permit names the user as, or empty when it does not name the user. */
    Optional<PresenceRole> roleOf(Permit permit, @Nullable PermitSite site, String username) {
        OrgDirectory.TenantUser user = directory.user(permit.tenantId(), username).orElse(null);
        if (user == null) {
            return Optional.empty();
        }
        FormDefinition form = drafter.formOf(permit);
        if (namesUser(form.boundValue("guardian", permit.data()), user)) {
            return Optional.of(PresenceRole.GUARDIAN);
        }
        if ((site != null && site.workLeader().equals(username))
                || username.equals(form.boundValue("workLeader", permit.data()).asString(""))) {
            return Optional.of(PresenceRole.WORK_LEADER);
        }
        for (String binding : new String[] {"workers", "crew"}) {
            for (JsonNode row : form.boundValue(binding, permit.data())) {
                if (matchesWorker(row, user)) {
                    return Optional.of(PresenceRole.WORKER);
                }
            }
        }
        return Optional.empty();
    }

    /** Returns how messages name a user of the tenant. */
    PersonName name(long tenantId, String username) {
        return PersonName.of(directory, tenantId, username);
    }

    String displayName(long tenantId, String username) {
        return directory.user(tenantId, username).map(OrgDirectory.TenantUser::displayName).orElse(username);
    }

    private static boolean namesUser(JsonNode value, OrgDirectory.TenantUser user) {
        String named = value.isString() ? value.asString().strip() : "";
        return !named.isEmpty() && (named.equals(user.username()) || named.equals(user.displayName()));
    }

    private static boolean matchesWorker(JsonNode row, OrgDirectory.TenantUser user) {
        String idNumber = row.path("idNumber").asString("");
        if (!idNumber.isEmpty() && user.personIdNumber() != null) {
            return idNumber.equalsIgnoreCase(user.personIdNumber());
        }
        return namesUser(row.path("name"), user);
    }
}
