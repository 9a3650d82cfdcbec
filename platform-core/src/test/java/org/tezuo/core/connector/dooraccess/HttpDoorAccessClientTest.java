package org.tezuo.core.connector.dooraccess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tezuo.core.connector.ConnectorDefinition;
import org.tezuo.core.connector.ConnectorType;

class HttpDoorAccessClientTest {

    static DoorAccessStubServer stub;

    @BeforeAll
    static void start() throws IOException {
        stub = DoorAccessStubServer.start(0);
    }

    @AfterAll
    static void stop() {
        stub.close();
    }

    @BeforeEach
    void reset() {
        stub.setFailing(false);
        stub.clearCalls();
    }

    private static HttpDoorAccessClient client() {
        return new HttpDoorAccessClient(new ConnectorDefinition("site-doors", 1, ConnectorType.DOOR_ACCESS,
                stub.baseUrl(), ConnectorDefinition.Credentials.NONE, Duration.ofMillis(500), Duration.ofMillis(500),
                null, null));
    }

    @Test
    void revokeAndRestoreAreRecorded() {
        client().revoke(new DoorAccessRequest("110101199001011234", "张伟", "证书已过期"));
        client().restore(new DoorAccessRequest("110101199001011234", "张伟", "证书已恢复有效"));

        assertThat(stub.calls()).containsExactly(
                new DoorAccessStubServer.Call(DoorAccessStubServer.Action.REVOKE, "110101199001011234", "张伟",
                        "证书已过期"),
                new DoorAccessStubServer.Call(DoorAccessStubServer.Action.RESTORE, "110101199001011234", "张伟",
                        "证书已恢复有效"));
    }

    @Test
    void failingDoorSystemRaisesWithStatus() {
        stub.setFailing(true);

        assertThatThrownBy(() -> client().revoke(new DoorAccessRequest("110101199001011234", "张伟", "证书已过期")))
                .isInstanceOfSatisfying(DoorAccessFailedException.class, e -> assertThat(
                        e.message(Locale.SIMPLIFIED_CHINESE)).isEqualTo(
                        "门禁连接器“site-doors”对 /access/revoke 返回 HTTP 503；门禁权限未变更，下次巡检时重试"));
        assertThat(stub.calls()).isEmpty();
    }
}
