package org.tezuo.app.permit.site;

import java.util.Locale;

/**
 * An action on a permit on site: a step a person takes or an event the watcher records. Resuming,
 * extending and handing over are steps that keep or return the permit to its working state; the timeline records
 * each of them.
 */
public enum SiteAction implements SiteText {
    ACCEPT("accept"),
    /** A gas test posted through the gas-readings endpoint. */
    GAS_TEST("gasTest"),
    PRE_START_CHECK("preStartCheck"),
    START("start"),
    SUSPEND("suspend"),
    /** A suspension by the watcher or by a failed gas test, because a live limit was broken. */
    AUTO_SUSPEND("watch"),
    RESUME("resume"),
    EXTEND("extend"),
    HAND_OVER("handover"),
    /** The named fire watch confirms after hot work that no fire or smouldering remains; closing needs it. */
    FIRE_WATCH_CONFIRM("fireWatchConfirm"),
    CLOSE("close"),
    CANCEL("cancel"),
    /** A periodic re-test the watcher asked for. */
    RETEST_DUE("watch"),
    /** SIMOPS warnings the watcher found while work runs and sent to the work leader and the safety directors. */
    SIMOPS_WARNING("watch");

    private final String ruleValue;

    SiteAction(String ruleValue) {
        this.ruleValue = ruleValue;
    }

    /** Returns the value rules read as {@code siteAction}, for example {@code resume}. */
    public String ruleValue() {
        return ruleValue;
    }

    /** Returns the name used in audit actions and REST paths, for example {@code hand-over}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @Override
    public String text(Locale locale) {
        return SiteText.render(locale, "site.action." + name());
    }
}
