/** The signed-in user's permit tasks and the approval screen with per-item risk confirmation. */
@NullMarked
package org.tezuo.app.ui.task;

import org.jspecify.annotations.NullMarked;
