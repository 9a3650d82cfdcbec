/** Audit log page of the user's tenant. */
@NullMarked
package org.tezuo.app.ui.audit;

import org.jspecify.annotations.NullMarked;
