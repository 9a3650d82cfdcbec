/** Captions of the views in Simplified Chinese (default) and English, and the per-session language. */
@NullMarked
package org.tezuo.app.ui.i18n;

import org.jspecify.annotations.NullMarked;
