/** Certificate warnings, to-dos and freezes raised by the warning pass, and their confirmation. */
@NullMarked
package org.tezuo.app.ui.warning;

import org.jspecify.annotations.NullMarked;
