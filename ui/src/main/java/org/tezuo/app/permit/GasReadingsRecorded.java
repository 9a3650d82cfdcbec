package org.tezuo.app.permit;

import java.util.List;
import org.tezuo.core.environment.GasReading;
import tools.jackson.databind.JsonNode;

/**
 * Published inside the transaction that stores gas readings posted for a permit, so that the permit's site phase
 * can count them as a gas test in that same transaction.
 *
 * @param readings the readings as parsed, in posting order
 * @param payloads the posted JSON object of each reading, in the same order
 */
public record GasReadingsRecorded(Actor actor, Permit permit, List<GasReading> readings, List<JsonNode> payloads) {

    public GasReadingsRecorded {
        readings = List.copyOf(readings);
        payloads = List.copyOf(payloads);
    }
}
