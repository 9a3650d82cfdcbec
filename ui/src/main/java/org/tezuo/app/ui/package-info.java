/** Vaadin views of the application, one sub-package per feature. */
@NullMarked
package org.tezuo.app.ui;

import org.jspecify.annotations.NullMarked;
