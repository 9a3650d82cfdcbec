/** Users and org units of a tenant as the application reads them: role holders, units and their parents. */
@NullMarked
package org.tezuo.app.org;

import org.jspecify.annotations.NullMarked;
