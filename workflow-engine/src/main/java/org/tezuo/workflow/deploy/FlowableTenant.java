package org.tezuo.workflow.deploy;

/** Maps Tezuo tenant ids to Flowable tenant ids of the form {@code tenant-<id>}. */
public final class FlowableTenant {

    private static final String PREFIX = "tenant-";

    private FlowableTenant() {
    }

    /** Returns the Flowable tenant id of Tezuo tenant {@code tenantId}. */
    public static String of(long tenantId) {
        return PREFIX + tenantId;
    }

    /** Returns the Tezuo tenant id inside a Flowable tenant id. */
    public static long parse(String flowableTenantId) {
        if (!flowableTenantId.startsWith(PREFIX)) {
            throw new IllegalArgumentException("Flowable tenant id '" + flowableTenantId + "' does not start with "
                    + PREFIX);
        }
        return Long.parseLong(flowableTenantId.substring(PREFIX.length()));
    }
}
