package org.tezuo.workflow.definition;

import java.time.Duration;
import java.util.Objects;

/** A wait (延时) of a fixed duration before the chain goes on. */
public record DelayNode(String id, Label name, Duration duration) implements FlowNode {

    public DelayNode {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("Delay '" + id + "' must last longer than zero");
        }
    }

    @Override
    public NodeType type() {
        return NodeType.DELAY;
    }
}
