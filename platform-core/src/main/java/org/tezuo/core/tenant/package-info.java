@NullMarked
package org.tezuo.core.tenant;

import org.jspecify.annotations.NullMarked;
