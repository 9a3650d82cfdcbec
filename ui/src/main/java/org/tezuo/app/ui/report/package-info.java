/** The screen listing the monthly qualification-health reports for download. */
@NullMarked
package org.tezuo.app.ui.report;

import org.jspecify.annotations.NullMarked;
