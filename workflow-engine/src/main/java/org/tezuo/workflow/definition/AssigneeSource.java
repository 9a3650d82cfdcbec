package org.tezuo.workflow.definition;

/** The rule that names the approvers of a node. */
public enum AssigneeSource {
    /** Every member of a tenant-wide role. */
    ROLE("role"),
    /** The holders of a role in the applicant's own organisation unit, such as its unit head. */
    APPLICANT_ORG_ROLE("applicantOrgRole"),
    /** The holders of a role in the parent of the applicant's unit or its nearest ancestor with one (上级部门). */
    PARENT_ORG_ROLE("parentOrgRole"),
    /** One named user. */
    USER("user"),
    /** Several named users, in the listed order. */
    USERS("users"),
    /** Every member of any of several tenant-wide roles. */
    ROLE_GROUP("roleGroup"),
    /** The user name or names entered in a field of the submitted form. */
    FORM_FIELD("formField");

    private final String code;

    AssigneeSource(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    static AssigneeSource fromCode(String code) {
        for (AssigneeSource source : values()) {
            if (source.code.equals(code)) {
                return source;
            }
        }
        throw new IllegalArgumentException("Unknown assignee source '" + code + "'");
    }
}
