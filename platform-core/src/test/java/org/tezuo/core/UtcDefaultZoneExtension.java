package org.tezuo.core;

import java.time.ZoneOffset;
import java.util.TimeZone;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Sets the JVM's default zone to UTC for each test and restores it afterwards, as servers run, so that a date decided
 * by the default zone rather than the tenant's zone shows up as a failure.
 */
public final class UtcDefaultZoneExtension implements BeforeEachCallback, AfterEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(UtcDefaultZoneExtension.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        context.getStore(NAMESPACE).put("zone", TimeZone.getDefault());
        TimeZone.setDefault(TimeZone.getTimeZone(ZoneOffset.UTC));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        TimeZone.setDefault(context.getStore(NAMESPACE).get("zone", TimeZone.class));
    }
}
