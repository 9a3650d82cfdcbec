package org.tezuo.app.security;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Roles a user can hold. The codes are stored in app_user.roles and shared with the approval flows, so a code
 * never changes. Spring Security grants each one as the authority {@code ROLE_<code>}.
 */
public enum Role {
    /** 系统管理员. */
    SYSTEM_ADMIN,
    /** 安全总监. */
    SAFETY_DIRECTOR,
    /** 安全工程师. */
    SAFETY_ENGINEER,
    /** 所在单位负责人. */
    UNIT_HEAD,
    /** 班组长. */
    TEAM_LEADER,
    /** HRBP. */
    HRBP,
    /** 作业负责人. */
    WORK_LEADER,
    /** 作业人员. */
    WORKER;

    /** Prefix Spring Security puts before a role code to make its authority. */
    public static final String AUTHORITY_PREFIX = "ROLE_";

    /** Returns the code as stored and as used in the approval flows, for example {@code SAFETY_ENGINEER}. */
    public String code() {
        return name();
    }

    /** Returns the Spring Security authority, for example {@code ROLE_SAFETY_ENGINEER}. */
    public String authority() {
        return AUTHORITY_PREFIX + name();
    }

    /**
     * Returns the role with this code.
     *
     * @throws IllegalArgumentException naming the code and the known codes when no role has it
     */
    public static Role fromCode(String code) {
        return Arrays.stream(values())
                .filter(role -> role.name().equals(code))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown role code \"" + code + "\"; use one of "
                        + Arrays.stream(values()).map(Role::name).collect(Collectors.joining(", "))));
    }
}
