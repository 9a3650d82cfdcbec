/**
 * Form documents parsed into immutable models: the fields with their labels and widgets, the layout sections a
 * renderer shows, the role bindings the runtime reads and the cross-field rules.
 */
@NullMarked
package org.tezuo.form.definition;

import org.jspecify.annotations.NullMarked;
