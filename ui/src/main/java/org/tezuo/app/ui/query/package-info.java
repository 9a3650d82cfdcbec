/** The query page: ad hoc SQL over the tenant's published record entities, for administrators. */
@NullMarked
package org.tezuo.app.ui.query;

import org.jspecify.annotations.NullMarked;
