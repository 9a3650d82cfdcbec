package org.tezuo.core.connector.plant;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/**
 * The live state of one equipment tag as a DCS or historian gateway reports it. The values use the codes of the
 * equipment register: {@code valve-position} and {@code isolation-status}.
 *
 * @param pressureMpa gauge pressure in MPa, or null when the tag has no pressure transmitter
 * @param valvePosition {@code open}, {@code closed} or another code of the valve-position dictionary, or null
 * @param isolationStatus {@code locked-out}, {@code isolated} or another code of the isolation-status dictionary, or
 *     null
 * @param observedAt when the gateway read the state
 */
public record EquipmentState(String tag, @Nullable BigDecimal pressureMpa, @Nullable String valvePosition,
        @Nullable String isolationStatus, OffsetDateTime observedAt) {
}
