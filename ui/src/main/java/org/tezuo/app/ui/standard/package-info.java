/** The standards configuration center screen: browse thresholds, set enterprise overrides, read usage and history. */
@NullMarked
package org.tezuo.app.ui.standard;

import org.jspecify.annotations.NullMarked;
