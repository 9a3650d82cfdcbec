/** Upload of the certificate ledger with the import result and the downloadable error list. */
@NullMarked
package org.tezuo.app.ui.roster;

import org.jspecify.annotations.NullMarked;
