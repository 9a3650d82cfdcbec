/** Routes reserved in the menu until their real views replace them. */
@NullMarked
package org.tezuo.app.ui.placeholder;

import org.jspecify.annotations.NullMarked;
