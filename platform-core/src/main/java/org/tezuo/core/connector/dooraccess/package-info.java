/** Clients of the enterprise door-access system, which revokes and restores a person's site access. */
@NullMarked
package org.tezuo.core.connector.dooraccess;

import org.jspecify.annotations.NullMarked;
