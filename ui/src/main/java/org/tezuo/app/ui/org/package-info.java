/** The org designer: org units, the users in them and their roles, for system administrators. */
@NullMarked
package org.tezuo.app.ui.org;

import org.jspecify.annotations.NullMarked;
