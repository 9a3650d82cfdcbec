package org.tezuo.core.tenant;

import java.time.ZoneId;
import org.jspecify.annotations.Nullable;

/** An enterprise using Tezuo; every row of business data belongs to exactly one tenant. */
public record Tenant(long id, String code, String name, @Nullable String industryTemplate, ZoneId zone) {
}
