package org.tezuo.app.org;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Kind of an org unit, stored in org_unit.kind as {@link #code()}. The kinds form the levels company (公司) → plant
 * (厂区) → workshop or department (车间/部门) → team (班组). A unit may contain only units of a deeper level, so a team
 * contains no units and a plant never sits under a workshop. Levels may be skipped (a team directly under a plant,
 * a department directly under the company), because small sites have no workshop level. Only a company has no
 * parent.
 */
public enum UnitKind {
    COMPANY("company", 0),
    PLANT("plant", 1),
    /** A function such as 安全环保部; it sits at the workshop level and may contain teams. */
    DEPARTMENT("department", 2),
    WORKSHOP("workshop", 2),
    TEAM("team", 3);

    private final String code;
    private final int level;

    UnitKind(String code, int level) {
        this.code = code;
        this.level = level;
    }

    /** Returns the code stored in org_unit.kind, for example {@code workshop}. */
    public String code() {
        return code;
    }

    /** Returns whether a unit of this kind may be the parent of a unit of {@code child} kind. */
    public boolean mayContain(UnitKind child) {
        return child.level > level;
    }

    /** Returns whether a unit of this kind may exist without a parent. */
    public boolean mayBeRoot() {
        return this == COMPANY;
    }

    /** Returns the kind with this code, ignoring case, or empty when the code is unknown. */
    public static Optional<UnitKind> fromCode(String code) {
        String lowerCase = code.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(kind -> kind.code.equals(lowerCase)).findFirst();
    }
}
