/** Versioned JSON metadata documents and the meta-schemas that check them. */
@NullMarked
package org.tezuo.metadata;

import org.jspecify.annotations.NullMarked;
