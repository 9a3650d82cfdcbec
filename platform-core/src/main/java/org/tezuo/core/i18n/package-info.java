@NullMarked
package org.tezuo.core.i18n;

import org.jspecify.annotations.NullMarked;
