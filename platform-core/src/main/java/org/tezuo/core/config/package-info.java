@NullMarked
package org.tezuo.core.config;

import org.jspecify.annotations.NullMarked;
