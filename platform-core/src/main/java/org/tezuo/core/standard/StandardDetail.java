package org.tezuo.core.standard;

import java.util.List;

/**
 * A threshold with where it is read and the history of its enterprise override.
 *
 * @param history every override change, newest first
 */
public record StandardDetail(StandardItem item, List<ThresholdUsage> usages, List<ThresholdOverride> history) {

    public StandardDetail {
        usages = List.copyOf(usages);
        history = List.copyOf(history);
    }
}
