/** Certified workers: persons, their certificates, certificate states and qualification anomalies. */
@NullMarked
package org.tezuo.core.qualification;

import org.jspecify.annotations.NullMarked;
