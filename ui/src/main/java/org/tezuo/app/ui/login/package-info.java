/** Login page. */
@NullMarked
package org.tezuo.app.ui.login;

import org.jspecify.annotations.NullMarked;
