/** The registry verification screen: recent runs and the report of the selected run. */
@NullMarked
package org.tezuo.app.ui.verification;

import org.jspecify.annotations.NullMarked;
