@NullMarked
package org.tezuo.core.metadata;

import org.jspecify.annotations.NullMarked;
