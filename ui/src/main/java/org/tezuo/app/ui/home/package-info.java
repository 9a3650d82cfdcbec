/** Home page: certificate counts by state and the user's overview. */
@NullMarked
package org.tezuo.app.ui.home;

import org.jspecify.annotations.NullMarked;
