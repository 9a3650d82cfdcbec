/** Screens of the in-app inbox and of the notice deliveries that administrators watch and retry. */
@NullMarked
package org.tezuo.app.ui.notification;

import org.jspecify.annotations.NullMarked;
