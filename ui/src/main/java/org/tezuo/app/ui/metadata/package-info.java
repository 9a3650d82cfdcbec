/** The metadata center: documents and their versions, field-level diffs, rollback, and bundle export and import. */
@NullMarked
package org.tezuo.app.ui.metadata;

import org.jspecify.annotations.NullMarked;
