@NullMarked
package org.tezuo.core.audit;

import org.jspecify.annotations.NullMarked;
