/** The qualification gate a permit passes before it is submitted: valid certificates, no freeze, no anomaly. */
@NullMarked
package org.tezuo.core.qualification.gate;

import org.jspecify.annotations.NullMarked;
