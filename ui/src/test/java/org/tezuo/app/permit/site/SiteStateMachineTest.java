package org.tezuo.app.permit.site;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tezuo.app.security.Role;

class SiteStateMachineTest {

    private static final SiteProfile HOT_WORK = new SiteProfile(true, Role.TEAM_LEADER, "GB 30871-2022 附录 A",
            "GB 30871-2022 附录 A");
    private static final SiteProfile CONFINED_SPACE = new SiteProfile(true, null, "", null);
    private static final SiteProfile WORK_AT_HEIGHT = new SiteProfile(false, null, "", null);

    @Test
    @DisplayName("Hot work goes through a gas test and the shift leader's check before it starts")
    void hotWorkSteps() {
        assertThat(SiteStateMachine.allowed(SiteState.ISSUED, HOT_WORK))
                .containsExactly(SiteAction.ACCEPT, SiteAction.CANCEL);
        assertThat(SiteStateMachine.allowed(SiteState.ACCEPTED, HOT_WORK))
                .containsExactly(SiteAction.GAS_TEST, SiteAction.EXTEND, SiteAction.CANCEL);
        assertThat(SiteStateMachine.allowed(SiteState.GAS_TESTED, HOT_WORK))
                .containsExactly(SiteAction.GAS_TEST, SiteAction.PRE_START_CHECK, SiteAction.EXTEND,
                        SiteAction.CANCEL);
        assertThat(SiteStateMachine.allowed(SiteState.PRE_START_CHECKED, HOT_WORK))
                .containsExactly(SiteAction.GAS_TEST, SiteAction.START, SiteAction.EXTEND, SiteAction.CANCEL);
    }

    @Test
    @DisplayName("Confined-space work starts after a gas test without a shift check")
    void confinedSpaceSteps() {
        assertThat(SiteStateMachine.allowed(SiteState.GAS_TESTED, CONFINED_SPACE))
                .containsExactly(SiteAction.GAS_TEST, SiteAction.START, SiteAction.EXTEND, SiteAction.CANCEL);
    }

    @Test
    @DisplayName("Work at height starts right after acceptance")
    void workAtHeightSteps() {
        assertThat(SiteStateMachine.allowed(SiteState.ACCEPTED, WORK_AT_HEIGHT))
                .containsExactly(SiteAction.START, SiteAction.EXTEND, SiteAction.CANCEL);
        assertThat(SiteStateMachine.allowed(SiteState.IN_PROGRESS, WORK_AT_HEIGHT))
                .containsExactly(SiteAction.SUSPEND, SiteAction.EXTEND, SiteAction.HAND_OVER, SiteAction.CLOSE,
                        SiteAction.CANCEL);
    }

    @Test
    @DisplayName("Running and suspended work offer their own steps")
    void runningAndSuspendedSteps() {
        assertThat(SiteStateMachine.allowed(SiteState.IN_PROGRESS, HOT_WORK))
                .containsExactly(SiteAction.GAS_TEST, SiteAction.SUSPEND, SiteAction.EXTEND, SiteAction.HAND_OVER,
                        SiteAction.FIRE_WATCH_CONFIRM, SiteAction.CLOSE, SiteAction.CANCEL);
        assertThat(SiteStateMachine.allowed(SiteState.SUSPENDED_ON_SITE, HOT_WORK))
                .containsExactly(SiteAction.GAS_TEST, SiteAction.RESUME, SiteAction.EXTEND, SiteAction.HAND_OVER,
                        SiteAction.FIRE_WATCH_CONFIRM, SiteAction.CLOSE, SiteAction.CANCEL);
    }

    @Test
    @DisplayName("Closed and cancelled permits take no step")
    void terminalStates() {
        assertThat(SiteStateMachine.allowed(SiteState.CLOSED, HOT_WORK)).isEmpty();
        assertThat(SiteStateMachine.allowed(SiteState.CANCELLED, HOT_WORK)).isEmpty();
    }

    @Test
    @DisplayName("A passed gas test moves an accepted permit on and a failed one stops running work")
    void gasTestResults() {
        assertThat(SiteStateMachine.afterGasTest(SiteState.ACCEPTED, true)).isEqualTo(SiteState.GAS_TESTED);
        assertThat(SiteStateMachine.afterGasTest(SiteState.ACCEPTED, false)).isEqualTo(SiteState.ACCEPTED);
        assertThat(SiteStateMachine.afterGasTest(SiteState.IN_PROGRESS, true)).isEqualTo(SiteState.IN_PROGRESS);
        assertThat(SiteStateMachine.afterGasTest(SiteState.IN_PROGRESS, false))
                .isEqualTo(SiteState.SUSPENDED_ON_SITE);
        assertThat(SiteStateMachine.afterGasTest(SiteState.SUSPENDED_ON_SITE, true))
                .isEqualTo(SiteState.SUSPENDED_ON_SITE);
    }

    @Test
    @DisplayName("Resume, extension and hand-over return to or keep the working state")
    void nextStates() {
        assertThat(SiteStateMachine.next(SiteState.SUSPENDED_ON_SITE, SiteAction.RESUME))
                .isEqualTo(SiteState.IN_PROGRESS);
        assertThat(SiteStateMachine.next(SiteState.IN_PROGRESS, SiteAction.EXTEND)).isEqualTo(SiteState.IN_PROGRESS);
        assertThat(SiteStateMachine.next(SiteState.IN_PROGRESS, SiteAction.HAND_OVER))
                .isEqualTo(SiteState.IN_PROGRESS);
        assertThat(SiteStateMachine.next(SiteState.IN_PROGRESS, SiteAction.FIRE_WATCH_CONFIRM))
                .isEqualTo(SiteState.IN_PROGRESS);
        assertThat(SiteStateMachine.next(SiteState.IN_PROGRESS, SiteAction.CLOSE)).isEqualTo(SiteState.CLOSED);
    }
}
