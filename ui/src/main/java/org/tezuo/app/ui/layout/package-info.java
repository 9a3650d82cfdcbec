/** Application shell: drawer menu, user box, language switch, logout. */
@NullMarked
package org.tezuo.app.ui.layout;

import org.jspecify.annotations.NullMarked;
