/** The save and publish check of flow documents. */
@NullMarked
package org.tezuo.workflow.check;

import org.jspecify.annotations.NullMarked;
