package org.tezuo.app.permit.site;

import java.util.ArrayList;
import java.util.List;

/**
 * The transitions of the site phase. A gas test and the shift leader's check come before the start only when the
 * permit type needs them ({@link SiteProfile}); extending, handing over and gas tests keep the state, except that
 * a passed gas test moves an accepted permit on and a failed one stops running work. The fire watch's confirmation
 * keeps the state too; it comes before the close of a type that needs it.
 */
final class SiteStateMachine {

    private SiteStateMachine() {
    }

    /** Returns the steps people may take in {@code state}, in the order a work day goes. */
    static List<SiteAction> allowed(SiteState state, SiteProfile profile) {
        List<SiteAction> actions = new ArrayList<>();
        switch (state) {
            case ISSUED -> actions.add(SiteAction.ACCEPT);
            case ACCEPTED -> {
                if (profile.gasTestRequired()) {
                    actions.add(SiteAction.GAS_TEST);
                } else if (profile.shiftCheckRole() != null) {
                    actions.add(SiteAction.PRE_START_CHECK);
                } else {
                    actions.add(SiteAction.START);
                }
                actions.add(SiteAction.EXTEND);
            }
            case GAS_TESTED -> {
                actions.add(SiteAction.GAS_TEST);
                actions.add(profile.shiftCheckRole() != null ? SiteAction.PRE_START_CHECK : SiteAction.START);
                actions.add(SiteAction.EXTEND);
            }
            case PRE_START_CHECKED -> {
                addGasTest(actions, profile);
                actions.add(SiteAction.START);
                actions.add(SiteAction.EXTEND);
            }
            case IN_PROGRESS -> {
                addGasTest(actions, profile);
                actions.addAll(List.of(SiteAction.SUSPEND, SiteAction.EXTEND, SiteAction.HAND_OVER));
                addClosing(actions, profile);
            }
            case SUSPENDED_ON_SITE -> {
                addGasTest(actions, profile);
                actions.addAll(List.of(SiteAction.RESUME, SiteAction.EXTEND, SiteAction.HAND_OVER));
                addClosing(actions, profile);
            }
            case CLOSED, CANCELLED -> {
                return List.of();
            }
        }
        actions.add(SiteAction.CANCEL);
        return List.copyOf(actions);
    }

    /** Returns the state after a step other than a gas test; the caller checked that the step is allowed. */
    static SiteState next(SiteState state, SiteAction action) {
        return switch (action) {
            case ACCEPT -> SiteState.ACCEPTED;
            case PRE_START_CHECK -> SiteState.PRE_START_CHECKED;
            case START, RESUME -> SiteState.IN_PROGRESS;
            case SUSPEND, AUTO_SUSPEND -> SiteState.SUSPENDED_ON_SITE;
            case CLOSE -> SiteState.CLOSED;
            case CANCEL -> SiteState.CANCELLED;
            case EXTEND, HAND_OVER, FIRE_WATCH_CONFIRM, RETEST_DUE, SIMOPS_WARNING, GAS_TEST -> state;
        };
    }

    /** Returns the state after a gas test with this result. */
    static SiteState afterGasTest(SiteState state, boolean passed) {
        if (passed) {
            return state == SiteState.ACCEPTED ? SiteState.GAS_TESTED : state;
        }
        return state == SiteState.IN_PROGRESS ? SiteState.SUSPENDED_ON_SITE : state;
    }

    /** Adds the fire watch's confirmation where the type needs it, and the close that follows it. */
    private static void addClosing(List<SiteAction> actions, SiteProfile profile) {
        if (profile.fireWatchRequired()) {
            actions.add(SiteAction.FIRE_WATCH_CONFIRM);
        }
        actions.add(SiteAction.CLOSE);
    }

    private static void addGasTest(List<SiteAction> actions, SiteProfile profile) {
        if (profile.gasTestRequired()) {
            actions.add(SiteAction.GAS_TEST);
        }
    }
}
