/**
 * The form designer for system administrators: a palette of field widgets, a canvas of sections and a property
 * panel over an immutable {@link org.tezuo.app.ui.designer.FormDesign}, changed only through
 * {@link org.tezuo.app.ui.designer.DesignCommand}s so that every change can be undone. The model classes need no
 * browser and are tested on their own.
 */
@NullMarked
package org.tezuo.app.ui.designer;

import org.jspecify.annotations.NullMarked;
