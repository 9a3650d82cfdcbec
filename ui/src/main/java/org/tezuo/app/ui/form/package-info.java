/** A generic Vaadin renderer that builds an editable or read-only form from any form definition. */
@NullMarked
package org.tezuo.app.ui.form;

import org.jspecify.annotations.NullMarked;
