package org.tezuo.app.permit.site;

import java.util.Locale;

/** The site state of an issued permit. */
public enum SiteState implements SiteText {
    /** 已签发，待接票: issued; the work leader has not accepted it yet. Never stored, the state of a permit without a site row. */
    ISSUED,
    /** 已接票: the work leader accepted the permit on site. */
    ACCEPTED,
    /** 气体检测合格: a gas test on site passed the permit's ruleset. */
    GAS_TESTED,
    /** 已验票: the shift leader checked the permit and the measures before hot work starts. */
    PRE_START_CHECKED,
    /** 作业中: the work runs. */
    IN_PROGRESS,
    /** 现场暂停: the work stopped, by hand or because a live limit was broken. */
    SUSPENDED_ON_SITE,
    /** 已完工关闭: closed after the site inspection. */
    CLOSED,
    /** 已取消: cancelled; no more site work under this permit. */
    CANCELLED;

    public boolean terminal() {
        return this == CLOSED || this == CANCELLED;
    }

    @Override
    public String text(Locale locale) {
        return SiteText.render(locale, "site.state." + name());
    }
}
