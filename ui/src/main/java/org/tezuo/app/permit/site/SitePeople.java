package org.tezuo.app.permit.site;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.tezuo.app.org.OrgDirectory;
import org.tezuo.app.permit.Permit;
import org.tezuo.app.permit.PermitDrafter;
import org.tezuo.app.security.Role;
import tools.jackson.databind.JsonNode;

/**
 * Decides who may take a site step, from the permit, its site record and the user's roles as stored:
 * <ul>
 * <li>accept: the work leader the permit names (form role {@code workLeader}); a permit that names no user of the
 * tenant may be accepted by any holder of the work-leader role;</li>
 * <li>the check before the start: holders of the role the ruleset names (threshold {@code siteShiftCheckRole});</li>
 * <li>start, resume and close: the work leader in charge;</li>
 * <li>the fire watch's confirmation: the users the permit names as guardian (form role {@code guardian}, by user
 * name or display name), except the work leader in charge, whose own site the fire watch checks;</li>
 * <li>suspend: the work leader in charge, the applicant, the guardians the permit names (who stop work on an
 * anomaly, GB 30871-2022 4.10), team leaders, unit heads and the safety department;</li>
 * <li>extend: unit heads and the safety department, who approve permits;</li>
 * <li>hand over: a holder of the work-leader role other than the work leader in charge, who takes over;</li>
 * <li>cancel: the work leader in charge, the applicant, unit heads and the safety department;</li>
 * <li>a gas test: anyone of the tenant, because detector gateways post readings too.</li>
 * </ul>
 */
@Component
class SitePeople {

    private static final Set<Role> SUPERVISORS = Set.of(Role.UNIT_HEAD, Role.SAFETY_ENGINEER, Role.SAFETY_DIRECTOR);

    private final OrgDirectory directory;
    private final PermitDrafter drafter;

    SitePeople(OrgDirectory directory, PermitDrafter drafter) {
        this.directory = directory;
        this.drafter = drafter;
    }

    /** The people who may take one step, with a description of them for refusals. */
    record Audience(boolean anyone, Set<String> users, Set<Role> roles, Set<String> excluded, SiteText description) {

        boolean includes(String username, Set<String> roleCodes) {
            if (anyone) {
                return true;
            }
            if (excluded.contains(username)) {
                return false;
            }
            return users.contains(username) || roles.stream().anyMatch(role -> roleCodes.contains(role.code()));
        }
    }

    /** Returns whether the user may take the step. */
    boolean may(SiteAction action, Permit permit, @Nullable PermitSite site, SiteProfile profile, String username) {
        Set<String> roles = directory.user(permit.tenantId(), username)
                .map(OrgDirectory.TenantUser::roles)
                .orElse(Set.of());
        return audience(action, permit, site, profile).includes(username, roles);
    }

    Audience audience(SiteAction action, Permit permit, @Nullable PermitSite site, SiteProfile profile) {
        String leader = site != null ? site.workLeader() : namedWorkLeader(permit);
        return switch (action) {
            case ACCEPT -> {
                String named = namedWorkLeader(permit);
                yield named != null ? people(permit, named, false, Set.of()) : people(permit, null, false,
                        Set.of(Role.WORK_LEADER));
            }
            case PRE_START_CHECK -> people(permit, null, false, profile.shiftCheckRole() == null ? Set.of()
                    : Set.of(profile.shiftCheckRole()));
            case START, RESUME, CLOSE -> people(permit, leader, false, Set.of());
            case FIRE_WATCH_CONFIRM -> fireWatch(permit, leader);
            case SUSPEND -> withGuardians(permit, people(permit, leader, true,
                    union(SUPERVISORS, Set.of(Role.TEAM_LEADER))));
            case EXTEND -> people(permit, null, false, SUPERVISORS);
            case HAND_OVER -> new Audience(false, Set.of(), Set.of(Role.WORK_LEADER),
                    leader == null ? Set.of() : Set.of(leader),
                    SiteText.of("site.who.incomingLeader", name(permit, leader)));
            case CANCEL -> people(permit, leader, true, SUPERVISORS);
            case GAS_TEST, AUTO_SUSPEND, RETEST_DUE, SIMOPS_WARNING -> new Audience(true, Set.of(), Set.of(), Set.of(),
                    SiteText.of("site.who.anyone"));
        };
    }

    /** Returns the user name the permit names as its work leader, when it is a user of the tenant. */
    @Nullable String namedWorkLeader(Permit permit) {
        JsonNode named = drafter.formOf(permit).boundValue("workLeader", permit.data());
        if (!named.isString() || named.asString().isBlank()) {
            return null;
        }
        return directory.user(permit.tenantId(), named.asString()).isPresent() ? named.asString() : null;
    }

    /**
     * Returns the users the guardian field names, matched by user name or display name. Two users with the named
     * display name are both returned, because the form cannot tell them apart.
     */
    private Audience fireWatch(Permit permit, @Nullable String leader) {
        JsonNode value = drafter.formOf(permit).boundValue("guardian", permit.data());
        String named = value.isString() ? value.asString().strip() : "";
        Set<String> users = new LinkedHashSet<>();
        if (!named.isEmpty()) {
            directory.users(permit.tenantId()).stream()
                    .filter(user -> named.equals(user.username()) || named.equals(user.displayName()))
                    .forEach(user -> users.add(user.username()));
        }
        Set<String> excluded = leader == null ? Set.of() : Set.of(leader);
        SiteText description;
        if (named.isEmpty()) {
            description = SiteText.of("site.who.fireWatchMissing");
        } else if (users.isEmpty()) {
            description = SiteText.of("site.who.fireWatchNoAccount", named);
        } else {
            Object fireWatchName = users.size() == 1 ? name(permit, users.iterator().next()) : named;
            description = users.contains(leader) ? SiteText.of("site.who.fireWatchIsLeader", fireWatchName)
                    : SiteText.of("site.who.fireWatch", fireWatchName);
        }
        return new Audience(false, Set.copyOf(users), Set.of(), excluded, description);
    }

    /** Returns how messages name a user of the permit's tenant; empty without a user. */
    PersonName name(Permit permit, @Nullable String username) {
        return username == null ? new PersonName("", null) : name(permit.tenantId(), username);
    }

    PersonName name(long tenantId, String username) {
        return PersonName.of(directory, tenantId, username);
    }

    /** Returns the display name of a user of the tenant, or the user name when unknown. */
    String displayName(long tenantId, String username) {
        return directory.user(tenantId, username).map(OrgDirectory.TenantUser::displayName).orElse(username);
    }

    private Audience people(Permit permit, @Nullable String leader, boolean applicant, Set<Role> roles) {
        Set<String> users = new LinkedHashSet<>();
        List<SiteText> parts = new ArrayList<>();
        if (leader != null) {
            users.add(leader);
            parts.add(SiteText.of("site.who.leader", name(permit, leader)));
        }
        if (applicant && users.add(permit.applicant())) {
            parts.add(SiteText.of("site.who.applicant", name(permit, permit.applicant())));
        }
        roles.stream().sorted().forEach(role -> parts.add(SiteText.of("site.role." + role.code())));
        return new Audience(false, Set.copyOf(users), Set.copyOf(roles), Set.of(), SiteText.join(parts));
    }

    /** Returns the audience with the users the permit names as guardian added, as for the fire watch. */
    private Audience withGuardians(Permit permit, Audience audience) {
        Set<String> guardians = fireWatch(permit, null).users();
        if (guardians.isEmpty()) {
            return audience;
        }
        Set<String> users = new LinkedHashSet<>(audience.users());
        users.addAll(guardians);
        List<SiteText> parts = new ArrayList<>(List.of(audience.description()));
        guardians.forEach(guardian -> parts.add(SiteText.of("site.who.guardian", name(permit, guardian))));
        return new Audience(false, Set.copyOf(users), audience.roles(), audience.excluded(), SiteText.join(parts));
    }

    private static Set<Role> union(Set<Role> first, Set<Role> second) {
        Set<Role> union = new LinkedHashSet<>(first);
        union.addAll(second);
        return union;
    }
}
