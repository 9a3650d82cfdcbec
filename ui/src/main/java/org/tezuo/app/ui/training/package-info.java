/** Review-training enrolment, the target of the 90-day certificate notice. */
@NullMarked
package org.tezuo.app.ui.training;

import org.jspecify.annotations.NullMarked;
