/** The page on which any signed-in user fills in a published form. */
@NullMarked
package org.tezuo.app.ui.fill;

import org.jspecify.annotations.NullMarked;
