/** The industry level of the standards configuration center: which template the tenant was installed from. */
@NullMarked
package org.tezuo.app.standard;

import org.jspecify.annotations.NullMarked;
